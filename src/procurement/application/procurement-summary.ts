import { FUNDING_SOURCE_NAMES, FUNDING_SOURCES, type FundingSource } from '../../common/funding/funding.js';
import { type Fen, formatWanYuan, formatYuan, yuanToFen } from '../../common/money/money.js';
import { PROCUREMENT_TYPES, type ProcurementType } from '../domain/purchase.state.js';
import type { PurchaseAmounts } from '../infrastructure/purchase.repository.js';

export interface Amount {
  amount: string;
  amountWan: string;
}

export interface ProcurementSummary {
  department: string;
  budgetYear: number;
  /** Live purchases only: cancelled ones are not part of the procurement budget. */
  total: Amount & { count: number; smeReserved: string; smeReservedWan: string };
  byProject: Array<Amount & { projectCode: string; name: string | null; count: number }>;
  byFundingSource: Array<Amount & { source: FundingSource; name: string }>;
  byType: Array<Amount & { type: ProcurementType; count: number }>;
}

const amount = (fen: Fen): Amount => ({ amount: formatYuan(fen), amountWan: formatWanYuan(fen) });

/**
 * The 政府采购预算 table's totals. 万元 figures are each rounded from the exact 元 total, so
 * they may differ in the last digit from adding rounded rows — as the published tables do.
 */
export function summarizeProcurement(
  department: string,
  budgetYear: number,
  purchases: readonly PurchaseAmounts[],
  projectNames: ReadonlyMap<string, string>,
): ProcurementSummary {
  const byProject = new Map<string, { fen: Fen; count: number }>();
  const byType = new Map<ProcurementType, { fen: Fen; count: number }>();
  const bySource = new Map<FundingSource, Fen>();
  let total = 0n;
  let sme = 0n;
  for (const p of purchases) {
    total += p.amount;
    sme += p.smeReserved;
    const project = byProject.get(p.projectCode) ?? { fen: 0n, count: 0 };
    byProject.set(p.projectCode, { fen: project.fen + p.amount, count: project.count + 1 });
    const type = byType.get(p.procurementType) ?? { fen: 0n, count: 0 };
    byType.set(p.procurementType, { fen: type.fen + p.amount, count: type.count + 1 });
    for (const source of FUNDING_SOURCES) {
      const part = p.funding[source];
      if (part !== undefined) bySource.set(source, (bySource.get(source) ?? 0n) + yuanToFen(part));
    }
  }
  return {
    department,
    budgetYear,
    total: { ...amount(total), count: purchases.length, smeReserved: formatYuan(sme), smeReservedWan: formatWanYuan(sme) },
    byProject: [...byProject.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([projectCode, { fen, count }]) => ({ projectCode, name: projectNames.get(projectCode) ?? null, count, ...amount(fen) })),
    byFundingSource: FUNDING_SOURCES.filter((s) => bySource.has(s)).map((source) => ({
      source,
      name: FUNDING_SOURCE_NAMES[source],
      ...amount(bySource.get(source)!),
    })),
    byType: PROCUREMENT_TYPES.filter((t) => byType.has(t)).map((type) => ({
      type,
      count: byType.get(type)!.count,
      ...amount(byType.get(type)!.fen),
    })),
  };
}
