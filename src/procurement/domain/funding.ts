import type { Fen } from '../../common/money/money.js';

/**
 * 资金来源 columns of the 政府采购预算 table, in the order the table prints them; payloads
 * list parts in this order so the same split always serialises the same way.
 */
export const FUNDING_SOURCES = [
  'general_budget', // 一般公共预算拨款
  'gov_fund', // 政府性基金预算拨款
  'state_capital', // 国有资本经营预算拨款
  'fiscal_special_account', // 财政专户管理资金 / 财政专户核拨
  'unit_funds', // 单位资金
  'carry_over', // 上年结转结余
] as const;

export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const FUNDING_SOURCE_LABELS: Readonly<Record<FundingSource, string>> = {
  general_budget: '一般公共预算拨款',
  gov_fund: '政府性基金预算拨款',
  state_capital: '国有资本经营预算拨款',
  fiscal_special_account: '财政专户管理资金',
  unit_funds: '单位资金',
  carry_over: '上年结转结余',
};

/** A validated split: only sources with a positive part are present. */
export type FundingSplit = Readonly<Partial<Record<FundingSource, Fen>>>;

/**
 * A split as the API hands it over: keys are not trusted yet (an unknown one is a 400 naming
 * `funding.<key>`); zero or absent parts are dropped.
 */
export type FundingInput = Readonly<Record<string, Fen | undefined>>;

export function isFundingSource(key: string): key is FundingSource {
  return (FUNDING_SOURCES as readonly string[]).includes(key);
}
