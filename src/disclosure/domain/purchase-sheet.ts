import { FUNDING_SOURCES, type FundingSource, type FundingSplit } from '../../common/funding/funding.js';
import { ValidationError } from '../../common/errors/domain-error.js';
import { parseYuan, type Fen } from '../../common/money/money.js';
import { parseQuantity, type Quantity } from '../../common/money/quantity.js';

/**
 * The procurement-plan spreadsheet (GET /templates/procurement.xlsx): one header row with the
 * columns of the exported table, one purchase per row, money in 元 (a plan is priced to the fen;
 * 万元 with 2 decimals cannot say 12.50 元).
 */
export const SHEET_COLUMNS = {
  projectCode: '项目编码',
  projectName: '项目名称',
  itemName: '采购物品名称',
  catalogCode: '政府采购目录序号',
  unit: '计量单位',
  quantity: '数量',
  unitPrice: '单价（元）',
  amount: '合计（元）',
  smeReserved: '预留中小微企业份额（元）',
} as const;

export const SHEET_FUNDING_COLUMNS: readonly [FundingSource, string][] = [
  ['general_budget', '一般公共预算拨款（元）'],
  ['gov_fund', '基金预算拨款（元）'],
  ['state_capital', '国有资本经营预算拨款（元）'],
  ['fiscal_special_account', '财政专户核拨（元）'],
  ['unit_funds', '单位资金（元）'],
  ['carry_over', '上年结转结余（元）'],
];

export const SHEET_HEADER: readonly string[] = [
  SHEET_COLUMNS.projectCode,
  SHEET_COLUMNS.projectName,
  SHEET_COLUMNS.itemName,
  SHEET_COLUMNS.catalogCode,
  SHEET_COLUMNS.unit,
  SHEET_COLUMNS.quantity,
  SHEET_COLUMNS.unitPrice,
  SHEET_COLUMNS.amount,
  ...SHEET_FUNDING_COLUMNS.map(([, name]) => name),
  SHEET_COLUMNS.smeReserved,
];

/** The units the template's drop-down offers (any text is accepted on import). */
export const SHEET_UNITS = ['个', '台', '套', '件', '辆', '批', '项', '年', '次', '张', '把', '本', '平方米', '米'];

/** An error of one cell, in both languages, as the report names it. */
export interface SheetError {
  readonly row: number;
  readonly column: string;
  readonly code: string;
  readonly message: string;
  readonly messageZh: string;
}

export interface SheetPlan {
  readonly row: number;
  readonly projectCode: string;
  readonly itemName: string;
  readonly catalogCode: string;
  readonly unit: string;
  readonly quantity: Quantity;
  readonly unitPrice: Fen;
  readonly amount: Fen;
  readonly funding: FundingSplit;
  readonly smeReserved: Fen;
}

/** One data row's cells by header name; `get` returns '' for an absent cell. */
export interface SheetRowInput {
  readonly row: number;
  get(column: string): string;
}

const ZH: Record<string, string> = {
  'SHEET.REQUIRED': '必填',
  'MONEY.INVALID': '不是以元为单位、最多两位小数的金额',
  'MONEY.TOO_PRECISE': '金额最多两位小数',
  'MONEY.TOO_LARGE': '金额过大',
  'MONEY.NEGATIVE': '金额不能为负',
  'QUANTITY.INVALID': '不是有效的数量',
  'QUANTITY.NOT_POSITIVE': '数量必须大于零',
  'QUANTITY.TOO_PRECISE': '数量小数位过多',
  'QUANTITY.TOO_LARGE': '数量过大',
};

/** The Chinese text of an error code; codes without one say the row was refused and give the code. */
export const zhMessage = (code: string): string => ZH[code] ?? `本行被拒绝（${code}）`;

/** Reads every data row, collecting every cell error (all of them, not the first). */
export function readPurchaseRows(rows: readonly SheetRowInput[]): { plans: SheetPlan[]; errors: SheetError[] } {
  const plans: SheetPlan[] = [];
  const errors: SheetError[] = [];
  for (const input of rows) {
    const rowErrors: SheetError[] = [];
    const cell = (column: string, required: boolean): string => {
      const value = input.get(column).trim();
      if (required && value === '') rowErrors.push(error(input.row, column, 'SHEET.REQUIRED', `${column} is required`));
      return value;
    };
    const parsed = <T>(column: string, parse: (value: string) => T, fallback: T, required = true): T => {
      const value = cell(column, required);
      if (value === '') return fallback;
      try {
        return parse(value);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        rowErrors.push(error(input.row, column, e.code, e.message.replace(/^\S+/, column)));
        return fallback;
      }
    };
    const projectCode = cell(SHEET_COLUMNS.projectCode, true);
    const itemName = cell(SHEET_COLUMNS.itemName, true);
    const catalogCode = cell(SHEET_COLUMNS.catalogCode, true);
    const unit = cell(SHEET_COLUMNS.unit, true);
    const quantity = parsed(SHEET_COLUMNS.quantity, (v) => parseQuantity(v, SHEET_COLUMNS.quantity), null);
    const unitPrice = parsed(SHEET_COLUMNS.unitPrice, (v) => parseYuan(v, SHEET_COLUMNS.unitPrice), 0n);
    const amount = parsed(SHEET_COLUMNS.amount, (v) => parseYuan(v, SHEET_COLUMNS.amount), 0n);
    const smeReserved = parsed(SHEET_COLUMNS.smeReserved, (v) => parseYuan(v, SHEET_COLUMNS.smeReserved), 0n, false);
    const funding: FundingSplit = {};
    for (const [source, column] of SHEET_FUNDING_COLUMNS) {
      const fen = parsed(column, (v) => parseYuan(v, column), 0n, false);
      if (fen > 0n) funding[source] = fen;
    }
    if (rowErrors.length > 0 || quantity === null) {
      errors.push(...rowErrors);
      continue;
    }
    plans.push({ row: input.row, projectCode, itemName, catalogCode, unit, quantity, unitPrice, amount, funding, smeReserved });
  }
  return { plans, errors };
}

export function error(row: number, column: string, code: string, message: string): SheetError {
  return { row, column, code, message: `row ${row}, ${column}: ${message}`, messageZh: `第 ${row} 行「${column}」：${zhMessage(code)}` };
}

/** The column a domain error's field names (`funding.general_budget` → its funding column). */
export function columnOfField(field: string | undefined): string {
  if (field === undefined) return '';
  const source = field.startsWith('funding.') ? (field.slice('funding.'.length) as FundingSource) : null;
  if (source && FUNDING_SOURCES.includes(source)) return SHEET_FUNDING_COLUMNS.find(([s]) => s === source)![1];
  return (SHEET_COLUMNS as Record<string, string>)[field] ?? field;
}
