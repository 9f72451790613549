import { ValidationError } from '../errors/domain-error.js';
import type { Language } from './language.js';

/**
 * Chinese labels of fields, as the official tables (政府采购预算表, 部门固定资产占用情况表, 收支总表)
 * name them; a message says `单价（unitPrice）` so the field is recognisable in both worlds.
 * Keyed by the last segment of the field path (`categories.0.value` → value).
 */
const FIELD_LABELS: Record<string, string> = {
  projectCode: '项目编码',
  itemName: '采购品目名称',
  catalogCode: '政府采购品目代码',
  unit: '计量单位',
  quantity: '数量',
  unitPrice: '单价',
  amount: '金额',
  funding: '资金来源',
  smeReserved: '预留中小企业份额',
  economicCode: '部门经济分类科目',
  reason: '原因',
  supplier: '供应商',
  contractNo: '合同编号',
  signedOn: '合同签订日期',
  acceptedOn: '验收日期',
  budget: '项目预算',
  name: '名称',
  originalValue: '原值',
  acquiredOn: '取得日期',
  source: '取得方式',
  location: '存放地点',
  custodian: '使用人',
  disposedOn: '处置日期',
  method: '处置方式',
  category: '资产类别',
  categories: '资产分类明细',
  count: '数量',
  value: '价值',
  asOf: '基准日',
  date: '日期',
  assetId: '资产编号',
  found: '是否盘到',
  note: '备注',
  counts: '盘点记录',
  unknownItems: '盘盈资产',
  estimatedValue: '估计价值',
  general_budget: '一般公共预算拨款',
  gov_fund: '政府性基金预算拨款',
  state_capital: '国有资本经营预算拨款',
  fiscal_special_account: '财政专户管理资金',
  unit_funds: '单位资金',
  carry_over: '上年结转结余',
  offset: '起始位置',
  limit: '每页条数',
  q: '查询词',
  roles: '角色',
  departments: '部门范围',
  dept: '部门代码',
  department: '部门代码',
  year: '预算年度',
  id: '编号',
  status: '状态',
  assetNo: '资产编号',
  unitValue: '单价',
  brand: '品牌',
  model: '规格型号',
  usingDepartment: '使用部门',
  financeEntryDate: '财务入账日期',
  voucherNo: '会计凭证号',
  usage: '使用状况',
  accumulatedDepreciation: '累计折旧',
  usefulLifeMonths: '折旧年限（月）',
  yearMonth: '会计期间',
  closedOn: '结束日期',
  file: '文件',
};

/** `单价（unitPrice）`, or the path alone when the field has no official label. */
export function zhField(field: string): string {
  const label = FIELD_LABELS[field.split('.').at(-1) ?? field];
  return label ? `${label}（${field}）` : field;
}

export type Texts = Record<Language, string>;

/** A 400 whose message exists in both languages; the error filter picks one per request. */
export class LocalizedValidationError extends ValidationError {
  constructor(
    code: string,
    readonly texts: Texts,
    field: string | undefined,
  ) {
    super(code, texts.en, field);
  }
}

export const localized = (code: string, field: string, en: string, zh: string) =>
  new LocalizedValidationError(code, { en, 'zh-CN': zh }, field);
