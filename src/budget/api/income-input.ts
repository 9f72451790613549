import { ValidationError } from '../../common/errors/domain-error.js';
import { FUNDING_SOURCES, type FundingSplit } from '../../common/funding/funding.js';
import { parseYuan } from '../../common/money/money.js';
import type { DeclareIncomeRequest } from './dto/budget.requests.js';

/** The flat body names the sources itself, so a bad amount is reported as `general_budget`, not `income.general_budget`. */
export function parseIncome(body: DeclareIncomeRequest): FundingSplit {
  const given = FUNDING_SOURCES.filter((source) => body[source] !== undefined);
  if (given.length === 0) {
    throw new ValidationError('INCOME.EMPTY', `income must state at least one funding source: ${FUNDING_SOURCES.join(', ')}`, 'income');
  }
  const income: FundingSplit = {};
  for (const source of given) {
    const fen = parseYuan(body[source], source);
    if (fen > 0n) income[source] = fen;
  }
  return income;
}
