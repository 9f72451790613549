/** Chinese labels as the official tables and the register's documentation use them. */
export const FUNDING_SOURCES = [
  ['general_budget', '一般公共预算拨款'],
  ['gov_fund', '政府性基金预算拨款'],
  ['state_capital', '国有资本经营预算拨款'],
  ['fiscal_special_account', '财政专户核拨'],
  ['unit_funds', '单位资金'],
  ['carry_over', '上年结转结余'],
] as const;

export const PURCHASE_STATUS: Record<string, string> = {
  planned: '已计划',
  contracted: '已签合同',
  accepted: '已验收',
  cancelled: '已取消',
};

export const PROCUREMENT_TYPE: Record<string, string> = { goods: '货物', works: '工程', services: '服务' };

export const RULES: Record<string, string> = {
  PLANNED_WITHOUT_BUDGET_LINE: '有采购计划无预算科目',
  BUDGET_LINE_WITHOUT_PLANNED_PURCHASE: '有预算科目无采购计划',
  AMOUNT_MISMATCH: '科目金额与计划采购不符',
  PARENT_TOTAL_MISMATCH: '科目合计不符',
  PLANNED_ASSET_TOTAL_MISMATCH: '拟购置固定资产总额不符',
  PROJECT_OVER_BUDGET: '项目采购超预算',
  SERVICE_LINE_EXCEEDED: '服务采购超科目',
  FUNDING_SOURCE_EXCEEDED: '资金来源超收入',
};

export const AMOUNT_LABELS: Record<string, string> = {
  budget: '预算',
  planned: '计划采购',
  difference: '差额',
  parent: '上级科目',
  children: '下级科目合计',
  declared: '申报数',
  income: '收入',
};

export const ASSET_SOURCE: Record<string, string> = {
  purchase: '采购',
  transfer_in: '调入',
  donation: '接受捐赠',
  self_built: '自建',
  surplus: '盘盈',
  opening: '期初',
  other: '其他',
};

export const DISPOSAL_METHOD: Record<string, string> = {
  scrapped: '报废',
  sold: '出售',
  transferred_out: '调出',
  donated: '对外捐赠',
  exchanged: '置换',
  lost: '盘亏',
  other: '其他',
};

export const CATEGORIES = [
  ['land', '土地'],
  ['buildings', '房屋建筑物及构筑物'],
  ['vehicles', '车辆'],
  ['general_equipment', '通用设备（除车辆）'],
  ['special_equipment', '专用设备'],
  ['cultural_relics', '文物和陈列品'],
  ['books_archives', '图书档案'],
  ['furniture', '家具用具'],
  ['flora_fauna', '特种动植物'],
  ['intangible_assets', '无形资产'],
] as const;

export const EVENT_TYPES: Record<string, string> = {
  ProjectRegistered: '登记项目',
  ProjectRevised: '修改项目',
  BudgetLineSet: '设置预算科目',
  PlannedAssetPurchasesDeclared: '申报拟购置固定资产总额',
  IncomeDeclared: '申报收入',
  PurchasePlanned: '计划采购',
  PurchaseAmended: '修改采购计划',
  PurchaseCancelled: '取消采购',
  PurchaseContracted: '签订合同',
  PurchaseAccepted: '验收',
  CrossCheckChanged: '交叉核对结果变化',
  AssetRegistered: '登记资产卡片',
  AssetMoved: '变更存放地点/使用人',
  AssetDisposed: '资产处置',
  OpeningHoldingsDeclared: '申报期初资产',
  LedgerBalancesDeclared: '申报账面余额',
  StocktakeOpened: '开始资产清查',
  AssetCounted: '盘点',
  AssetsCounted: '盘点',
  SurplusAssetFound: '发现盘盈资产',
  StocktakeClosed: '结束资产清查',
};

/** What the console says for an API error, in Chinese; the API's own message follows for details. */
export function errorText(e: unknown): string {
  const err = e as { status?: number; code?: string; message?: string };
  if (err.code === 'STREAM.VERSION_CONFLICT') return '已被他人修改，已重新加载最新数据';
  if (err.code === 'AUTH.DEPARTMENT_OUT_OF_SCOPE') return `无权访问：该部门不在当前凭证的部门范围内（${err.message ?? ''}）`;
  if (err.status === 403) return `无权执行此操作（${err.message ?? ''}）`;
  if (err.status === 404) return `未找到（${err.message ?? ''}）`;
  if (err.status === 409) return `操作与当前状态冲突：${err.message ?? ''}`;
  if (err.status === 400) return `输入有误：${err.message ?? ''}`;
  if (err.status === 429) return '请求过于频繁，请稍后再试';
  return err.message ?? String(e);
}

export const today = (): string => {
  // China time: the register's dates are China's calendar dates.
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  return now.toISOString().slice(0, 10);
};
