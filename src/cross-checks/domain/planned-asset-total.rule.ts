import { sumFen } from '../../common/money/money.js';
import type { CrossCheckInput } from './cross-check.input.js';
import { amounts, type Finding, type NotEvaluated, refs, yuan } from './finding.js';

/**
 * Rule 2 (DESIGN §4): Σ planned capitalizable goods = the budget's declared total of planned
 * fixed-asset purchases (拟购置固定资产). Every capitalizable purchase counts, whatever line it
 * is planned on. Without a declared total there is nothing to compare with.
 */
export function checkPlannedAssetTotal(input: CrossCheckInput): Finding[] | NotEvaluated {
  if (input.plannedAssetPurchases === null) {
    return {
      rule: 'PLANNED_ASSET_TOTAL_MISMATCH',
      reason: 'PLANNED_ASSET_PURCHASES_NOT_DECLARED',
      message: {
        zh: '未申报本年度拟购置固定资产总额，无法核对',
        en: 'The planned fixed-asset purchase total is not declared, so it cannot be checked',
      },
    };
  }
  const declared = input.plannedAssetPurchases;
  const capital = input.purchases.filter((p) => p.procurementType === 'goods' && p.capitalizable);
  const planned = sumFen(capital.map((p) => p.amount));
  if (planned === declared) return [];
  const difference = declared - planned;
  return [
    {
      rule: 'PLANNED_ASSET_TOTAL_MISMATCH',
      severity: 'error',
      message: {
        zh: `申报的拟购置固定资产 ${yuan(declared)}，计划采购的固定资产合计 ${yuan(planned)}，差额 ${yuan(difference)}`,
        en: `Declared planned fixed-asset purchases ${yuan(declared)}, planned fixed-asset purchases total ${yuan(planned)}, difference ${yuan(difference)}`,
      },
      amounts: amounts({ declared, planned, difference }),
      refs: refs({ purchases: capital, economicCodes: capital.flatMap((p) => (p.economicCode ? [p.economicCode] : [])) }),
    },
  ];
}
