import { formatYuan } from '../../common/money/money.js';
import { categoryCode } from '../domain/asset-category.js';
import type { CardDepreciationView } from './depreciation.views.js';
import type { SheetRowRecord } from '../infrastructure/stocktake.repository.js';

/** A line of the count sheet: what to look for, where, what the book says, and the latest count. */
export type SheetLineView = {
  assetId: string;
  assetNo: string;
  name: string;
  category: string;
  categoryCode: string;
  location: string | null;
  custodian: string | null;
  unit: string | null;
  bookQuantity: string;
  bookValue: string;
  /** 累计折旧 and 净值 of the card as of the stocktake's as-of date, as GET /assets/:id?asOf= gives them. */
  bookAccumulatedDepreciation: string;
  bookNetValue: string;
  /** null: not counted yet. */
  count: { found: boolean; quantity: string; note: string | null } | null;
};

export function sheetLineView(r: SheetRowRecord, depreciation: CardDepreciationView): SheetLineView {
  return {
    assetId: r.assetId,
    assetNo: r.assetNo,
    name: r.name,
    category: r.category,
    categoryCode: categoryCode(r.category),
    location: r.location,
    custodian: r.custodian,
    unit: r.unit,
    bookQuantity: r.quantity.toString(),
    bookValue: formatYuan(r.value),
    bookAccumulatedDepreciation: depreciation.accumulatedDepreciation,
    bookNetValue: depreciation.netValue,
    count: r.found === null ? null : { found: r.found, quantity: (r.foundQuantity ?? 0n).toString(), note: r.note },
  };
}
