import type { EntityManager } from 'typeorm';
import { FUNDING_SOURCES, type FundingSplit } from '../../common/funding/funding.js';
import type { ProcurementType } from '../domain/purchase.state.js';
import { CHECK_TOTALS_ROWS, SUSPECT_UNIT_PRICE } from './purchase-check-totals.js';

/** The live purchases of a department-year that share a project, type, economic line and capitalization, summed. */
export interface PurchaseCheckGroup {
  projectCode: string;
  procurementType: ProcurementType;
  economicCode: string | null;
  capitalizable: boolean;
  count: number;
  amount: bigint;
  funding: FundingSplit;
  purchaseIds?: string[];
}

/** Live goods of one catalog code and project planned at one unit price under 100.00 元 with a fraction (万元 typed as 元?). */
export interface SuspectUnitPriceGroup {
  catalogCode: string;
  projectCode: string;
  unitPrice: bigint;
  purchaseIds?: string[];
}

/** A row of the groups' statement (also an element of PURCHASE_CHECK_GROUPS_JSON). */
export interface PurchaseCheckGroupRow {
  kind: 'group' | 'suspect';
  project_code: string;
  procurement_type: ProcurementType | null;
  economic_code: string | null;
  capitalizable: boolean | null;
  count: number;
  amount: string | null;
  catalog_code: string | null;
  unit_price: string | null;
  purchase_ids: string[] | null;
  [source: string]: unknown;
}

// Funding parts are 元 strings in the row's jsonb; summed as numeric (exact), returned in fen.
const FUNDING_SUMS = FUNDING_SOURCES.map((s) => `sum(round((funding->>'${s}')::numeric * 100))::text AS "${s}"`).join(', ');
const NO_FUNDING = FUNDING_SOURCES.map((s) => `NULL AS "${s}"`).join(', ');

// The groups are bounded by the budget's structure (projects × lines), not by the purchases. This
// scan of the department-year's live rows is for the query that lists each group's purchases; an
// evaluation reads the same groups from purchase_check_totals, kept by the projection.
const SQL = `
  WITH live AS (
    SELECT purchase_id, project_code, procurement_type, economic_code, capitalizable, amount_fen, funding, catalog_code, unit_price_fen
    FROM purchases WHERE department = $1 AND budget_year = $2 AND status <> 'cancelled')
  SELECT 'group' AS kind, project_code, procurement_type, economic_code, capitalizable, count(*)::int AS count,
         sum(amount_fen)::text AS amount, NULL AS catalog_code, NULL AS unit_price, ${FUNDING_SUMS},
         CASE WHEN $3::boolean THEN array_agg(purchase_id::text ORDER BY purchase_id) END AS purchase_ids
  FROM live GROUP BY project_code, procurement_type, economic_code, capitalizable
  UNION ALL
  SELECT 'suspect', project_code, NULL, NULL, NULL, count(*)::int, NULL, catalog_code, unit_price_fen::text, ${NO_FUNDING},
         CASE WHEN $3::boolean THEN array_agg(purchase_id::text ORDER BY purchase_id) END
  FROM live WHERE ${SUSPECT_UNIT_PRICE}
  GROUP BY catalog_code, project_code, unit_price_fen`;

/**
 * The same groups as one JSON array, from the maintained totals (purchase-check-totals.ts), a
 * scalar subquery of $1 (department) and $2 (budget year): for a read that needs them with other
 * facts in one statement (the cross-checks' evaluation, under its lock). Every amount in it is text.
 */
export const PURCHASE_CHECK_GROUPS_JSON = `(SELECT coalesce(json_agg(g), '[]'::json) FROM (${CHECK_TOTALS_ROWS}) g)`;

/**
 * One statement: the sums cross-checks judge a department-year on, from the maintained totals;
 * listing the purchase ids (query time) sums the live rows themselves instead.
 */
export async function purchaseCheckGroups(
  tx: EntityManager,
  department: string,
  year: number,
  listPurchases: boolean,
): Promise<{ groups: PurchaseCheckGroup[]; suspects: SuspectUnitPriceGroup[] }> {
  const rows: PurchaseCheckGroupRow[] = listPurchases
    ? await tx.query(SQL, [department, year, true])
    : await tx.query(CHECK_TOTALS_ROWS, [department, year]);
  return purchaseCheckGroupsFrom(rows, listPurchases);
}

export function purchaseCheckGroupsFrom(
  rows: readonly PurchaseCheckGroupRow[],
  listPurchases: boolean,
): { groups: PurchaseCheckGroup[]; suspects: SuspectUnitPriceGroup[] } {
  const ids = (r: PurchaseCheckGroupRow) => (listPurchases ? { purchaseIds: r.purchase_ids ?? [] } : {});
  const groups: PurchaseCheckGroup[] = [];
  const suspects: SuspectUnitPriceGroup[] = [];
  for (const r of rows) {
    if (r.kind === 'suspect') {
      suspects.push({ catalogCode: r.catalog_code!, projectCode: r.project_code, unitPrice: BigInt(r.unit_price!), ...ids(r) });
      continue;
    }
    const funding: FundingSplit = {};
    for (const source of FUNDING_SOURCES) {
      const fen = r[source];
      if (typeof fen === 'string' && fen !== '0') funding[source] = BigInt(fen);
    }
    groups.push({
      projectCode: r.project_code,
      procurementType: r.procurement_type!,
      economicCode: r.economic_code,
      capitalizable: r.capitalizable!,
      count: r.count,
      amount: BigInt(r.amount!),
      funding,
      ...ids(r),
    });
  }
  return { groups, suspects };
}
