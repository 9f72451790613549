import { formatWanYuan, formatYuan, type Fen, yuanToFen } from '../../common/money/money.js';
import type { AssetCategoryName } from '../domain/asset-category.js';
import type { DepreciationPostedData } from '../domain/depreciation.events.js';
import type { PostedMonth } from '../infrastructure/depreciation.repository.js';

export type PostedFigures = Omit<DepreciationPostedData, 'contentHash'>;

/** A posted month: the DepreciationPosted event's figures. */
export type DepreciationMonthView = PostedFigures & { department: string; contentHash: string };

export type DepreciationYearView = {
  department: string;
  year: number;
  /** The year's posted months, in order. */
  months: DepreciationMonthView[];
  /** 本年计提折旧 by category: the sum of the posted months' charges. */
  charges: Array<{ category: AssetCategoryName; categoryCode: string; charge: string; chargeWan: string }>;
};

export const monthView = (department: string, posted: PostedMonth): DepreciationMonthView => ({
  department,
  ...posted.figures,
  contentHash: posted.contentHash,
});

export function yearView(department: string, year: number, months: readonly PostedMonth[]): DepreciationYearView {
  const categories = months[0]?.figures.categories ?? [];
  const sum = (category: AssetCategoryName): Fen =>
    months.reduce((total, m) => total + yuanToFen(m.figures.categories.find((c) => c.category === category)?.charge ?? '0.00'), 0n);
  return {
    department,
    year,
    months: months.map((m) => monthView(department, m)),
    charges: categories.map(({ category, categoryCode }) => {
      const charge = sum(category);
      return { category, categoryCode, charge: formatYuan(charge), chargeWan: formatWanYuan(charge) };
    }),
  };
}

/** A card's depreciation figures (GET /assets/:id). */
export type CardDepreciationView = {
  /** Null: not depreciated (土地, 文物和陈列品, 图书档案, 特种动植物, 无形资产, nominal value). */
  usefulLifeMonths: number | null;
  accumulatedDepreciation: string;
  netValue: string;
  /** The department's last posted month (as of the read date), YYYY-MM; null before the first posting. */
  depreciatedThrough: string | null;
};
