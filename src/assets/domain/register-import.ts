import { DomainError, ValidationError } from '../../common/errors/domain-error.js';
import { FUNDING_SOURCE_NAMES, FUNDING_SOURCES, type FundingSource } from '../../common/funding/funding.js';
import { type Fen, parseYuan } from '../../common/money/money.js';
import { requireNotFuture } from '../../common/validation/business-date.js';
import { divideHalfUp } from '../../common/money/rounding.js';
import type { AssetCatalogFacts } from './asset.commands.js';
import { parseAssetSource, parseUsageState } from './asset-vocabulary.js';
import type { AssetCategoryName } from './asset-category.js';
import { ASSET_TEXT_LIMITS, requireDate } from './asset-rules.js';
import { requireAssetEntry } from './decide-asset.js';

/*
 * An existing card register (a spreadsheet export) read into cards: every bad cell named by row
 * and column, all of them, before anything is written.
 */

/** The columns by field: the Chinese header of common register exports first, then accepted aliases. */
export const REGISTER_COLUMNS = {
  assetNo: ['资产编号', 'assetNo', '卡片编号'],
  name: ['资产名称', 'name'],
  catalogCode: ['资产分类代码', 'catalogCode', '分类代码'],
  quantity: ['数量', 'quantity'],
  unit: ['计量单位', 'unit'],
  originalValue: ['原值', 'originalValue', '价值'],
  acquiredOn: ['取得日期', 'acquiredOn'],
  source: ['取得方式', 'source'],
  financeEntryDate: ['财务入账日期', 'financeEntryDate', '入账日期'],
  voucherNo: ['会计凭证号', 'voucherNo', '凭证号'],
  usingDepartment: ['使用部门', 'usingDepartment'],
  location: ['存放地点', 'location'],
  custodian: ['使用人', 'custodian'],
  brand: ['品牌', 'brand'],
  model: ['规格型号', 'model'],
  usage: ['使用状况', 'usage'],
  fundingSource: ['资金来源', 'fundingSource'],
  accumulatedDepreciation: ['累计折旧', 'accumulatedDepreciation'],
} as const;
export type RegisterColumn = keyof typeof REGISTER_COLUMNS;
export const REQUIRED_COLUMNS: readonly RegisterColumn[] = ['name', 'catalogCode', 'originalValue', 'acquiredOn'];

/** One bad cell: the row number in the file and the column's header as the file wrote it. */
export type ImportProblem = { row: number; column: string; code: string; message: string };

export type ImportedCardInput = {
  row: number;
  assetNo: string | null;
  name: string;
  catalog: AssetCatalogFacts;
  category: AssetCategoryName;
  quantity: bigint;
  unit: string | null;
  originalValue: Fen;
  acquiredOn: string;
  source: ReturnType<typeof parseAssetSource>;
  financeEntryDate: string | null;
  voucherNo: string | null;
  usingDepartment: string | null;
  location: string | null;
  custodian: string | null;
  brand: string | null;
  model: string | null;
  usage: ReturnType<typeof parseUsageState>;
  fundingSource: FundingSource | null;
  accumulatedDepreciation: Fen | null;
};

/** A row of the file as cell text by field ('' when the column is absent or the cell blank). */
export type RegisterRow = { row: number; cells: Partial<Record<RegisterColumn, string>> };

const FUNDING_BY_NAME = new Map<string, FundingSource>(
  FUNDING_SOURCES.flatMap((s) => [
    [s, s],
    [FUNDING_SOURCE_NAMES[s], s],
  ]),
);

const TEXT_LIMITS: Partial<Record<RegisterColumn, number>> = {
  assetNo: ASSET_TEXT_LIMITS.assetNo,
  name: ASSET_TEXT_LIMITS.name,
  unit: 20,
  voucherNo: ASSET_TEXT_LIMITS.voucherNo,
  usingDepartment: ASSET_TEXT_LIMITS.usingDepartment,
  location: ASSET_TEXT_LIMITS.location,
  custodian: ASSET_TEXT_LIMITS.custodian,
  brand: ASSET_TEXT_LIMITS.brand,
  model: ASSET_TEXT_LIMITS.model,
};

/** How register exports often write 取得方式, as the register's terms. */
const SOURCE_ALIASES: Record<string, string> = {
  购置: 'purchase',
  新购: 'purchase',
  购入: 'purchase',
  无偿调入: 'transfer_in',
  捐赠: 'donation',
};

/** 2024/3/5 and 2024.03.05 as registers write them → 2024-03-05. */
function normalizeDate(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text;
}

/** GB/T 14885-2022 codes share the catalog's coding: 02010105 is A02010105. */
export function catalogCodeOf(text: string): string {
  const code = text.trim().toUpperCase();
  return /^\d{8}$/.test(code) ? `A${code}` : code;
}

/**
 * Reads the rows into cards. `header(field)` is the column's header as the file wrote it (for
 * messages); `catalog` resolves a code (null: unknown); dates after `today` are refused.
 */
export function readRegisterRows(
  rows: readonly RegisterRow[],
  header: (field: RegisterColumn) => string,
  catalog: (code: string) => AssetCatalogFacts | null,
  today: string,
): { cards: ImportedCardInput[]; problems: ImportProblem[] } {
  const cards: ImportedCardInput[] = [];
  const problems: ImportProblem[] = [];
  const numbers = new Map<string, number>();
  for (const { row, cells } of rows) {
    const before = problems.length;
    const problem = (field: RegisterColumn, code: string, message: string, named = false) =>
      problems.push({
        row,
        column: header(field),
        code,
        message: named ? `row ${row}: ${message}` : `row ${row}, ${header(field)}: ${message}`,
      });
    /** Runs a domain rule on one cell; its error becomes the cell's problem. */
    const cell = <T>(field: RegisterColumn, read: (text: string) => T): T | undefined => {
      try {
        return read(cells[field] ?? '');
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problem(field, error.code, error.message, error.message.includes(header(field)));
        return undefined;
      }
    };
    const text = (field: RegisterColumn): string | null => {
      const value = (cells[field] ?? '').trim();
      if (value === '') return null;
      const limit = TEXT_LIMITS[field];
      if (limit !== undefined && [...value].length > limit) {
        problem(field, 'ASSET.TOO_LONG', `at most ${limit} characters`);
        return null;
      }
      return value;
    };
    const money = (field: RegisterColumn, required: boolean): Fen | null | undefined => {
      const value = (cells[field] ?? '').trim().replace(/,/g, '');
      if (value === '') {
        if (required) problem(field, 'ASSET.REQUIRED', 'is required');
        return required ? undefined : null;
      }
      return cell(field, () => {
        const fen = parseYuan(value, header(field));
        if (fen < 0n) throw new ValidationError('MONEY.NEGATIVE', 'must not be negative');
        return fen;
      });
    };

    const assetNo = text('assetNo');
    if (assetNo !== null && /\s/.test(assetNo)) problem('assetNo', 'ASSET.NUMBER_MALFORMED', 'must not contain spaces');
    else if (assetNo !== null) {
      const first = numbers.get(assetNo);
      if (first !== undefined) problem('assetNo', 'ASSET.NUMBER_REPEATED', `${assetNo} is also the number of row ${first}`);
      else numbers.set(assetNo, row);
    }
    const name = text('name');
    if (name === null && !problems.some((p, i) => i >= before && p.column === header('name'))) {
      problem('name', 'ASSET.REQUIRED', 'is required');
    }
    const entry = cell('catalogCode', (value) => {
      const code = catalogCodeOf(value);
      return requireAssetEntry(code, /^[ABC]\d{8}$/.test(code) ? catalog(code) : null, header('catalogCode'));
    });
    const quantity = cell('quantity', (value) => {
      const v = value.trim();
      if (v === '') return 1n;
      if (!/^\d+$/.test(v) || BigInt(v) === 0n) throw new ValidationError('ASSET.QUANTITY_INVALID', 'must be a whole number of items ≥ 1');
      return BigInt(v);
    });
    if (entry && quantity !== undefined && quantity > 1n && !entry.batch) {
      problem('quantity', 'ASSET.QUANTITY_NOT_BATCH', `${entry.category} is carded one card per item: quantity must be 1`);
    }
    const originalValue = money('originalValue', true);
    const acquiredOn = cell('acquiredOn', (value) => {
      const field = header('acquiredOn');
      return requireNotFuture(requireDate(normalizeDate(value.trim()), field), field, today);
    });
    const source = cell('source', (value) =>
      value.trim() === '' ? 'opening' : parseAssetSource(SOURCE_ALIASES[value.trim()] ?? value, header('source')),
    );
    const financeEntryDate = cell('financeEntryDate', (value) =>
      value.trim() === ''
        ? null
        : requireNotFuture(requireDate(normalizeDate(value.trim()), header('financeEntryDate')), header('financeEntryDate'), today),
    );
    const usage = cell('usage', (value) => (value.trim() === '' ? 'in_use' : parseUsageState(value, header('usage'))));
    const fundingSource = cell('fundingSource', (value) => {
      if (value.trim() === '') return null;
      const found = FUNDING_BY_NAME.get(value.trim());
      if (!found) throw new ValidationError('FUNDING.UNKNOWN_SOURCE', `must be one of ${Object.values(FUNDING_SOURCE_NAMES).join(', ')}`);
      return found;
    });
    const depreciation = money('accumulatedDepreciation', false);
    if (depreciation && originalValue != null && depreciation > originalValue) {
      problem('accumulatedDepreciation', 'ASSET.DEPRECIATION_ABOVE_VALUE', 'must not exceed 原值');
    }
    const texts = {
      unit: text('unit'),
      voucherNo: text('voucherNo'),
      usingDepartment: text('usingDepartment'),
      location: text('location'),
      custodian: text('custodian'),
      brand: text('brand'),
      model: text('model'),
    };
    if (problems.length > before) continue;
    cards.push({
      row,
      assetNo,
      name: name!,
      catalog: entry!,
      category: entry!.category!,
      quantity: quantity!,
      originalValue: originalValue!,
      acquiredOn: acquiredOn!,
      source: source!,
      financeEntryDate: financeEntryDate!,
      usage: usage!,
      fundingSource: fundingSource!,
      accumulatedDepreciation: depreciation ?? null,
      ...texts,
    });
  }
  return { cards, problems };
}

export const unitValueOf = (card: Pick<ImportedCardInput, 'originalValue' | 'quantity'>): Fen =>
  divideHalfUp(card.originalValue, card.quantity);
