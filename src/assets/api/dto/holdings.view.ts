import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { WARNINGS, WarningView } from '../../../common/http/warning.view.js';

/*
 * OpenAPI shapes of the holdings, declarations, reconciliation and import views. Rows by
 * category list all ten categories in disclosure order (部门固定资产占用情况表).
 */

export class FigureView {
  @ApiProperty({ example: 3 }) count: number;
  @ApiProperty({ example: '5700.00', description: '元' }) value: string;
  @ApiProperty({ example: '0.57', description: '万元' }) valueWan: string;
}

export class CategoryFigureView extends FigureView {
  @ApiProperty({ example: '通用设备' }) category: string;
  @ApiProperty({ example: '2' }) categoryCode: string;
}

export class OpeningHoldingsView {
  @ApiProperty({ example: '731' }) department: string;
  @ApiProperty({ example: '2023-12-31' }) asOf: string;
  @ApiProperty({ type: [CategoryFigureView] }) categories: CategoryFigureView[];
  @ApiProperty({ type: FigureView }) total: FigureView;
  @ApiPropertyOptional(WARNINGS) warnings?: WarningView[];
}

class LedgerCategoryView {
  @ApiProperty({ example: '通用设备' }) category: string;
  @ApiProperty({ example: '2' }) categoryCode: string;
  @ApiProperty({ example: '5700.00' }) value: string;
  @ApiProperty({ example: '0.57' }) valueWan: string;
}

class MoneyFigureView {
  @ApiProperty({ example: '5700.00' }) value: string;
  @ApiProperty({ example: '0.57' }) valueWan: string;
}

export class LedgerBalancesView {
  @ApiProperty({ example: '731' }) department: string;
  @ApiProperty({ example: 2024 }) year: number;
  @ApiProperty({ type: [LedgerCategoryView] }) categories: LedgerCategoryView[];
  @ApiProperty({ type: MoneyFigureView }) total: MoneyFigureView;
  @ApiPropertyOptional(WARNINGS) warnings?: WarningView[];
}

class HoldingsTotalView extends FigureView {
  @ApiProperty({ example: '166.66' }) accumulatedDepreciation: string;
  @ApiProperty({ example: '0.02' }) accumulatedDepreciationWan: string;
  @ApiProperty({ example: '5833.34' }) netValue: string;
  @ApiProperty({ example: '0.58' }) netValueWan: string;
}

class HoldingsRowView extends CategoryFigureView {
  @ApiProperty({ example: '166.66', description: '累计折旧, 元' }) accumulatedDepreciation: string;
  @ApiProperty({ example: '0.02', description: '累计折旧, 万元' }) accumulatedDepreciationWan: string;
  @ApiProperty({ example: '5833.34', description: '净值 = 原值 − 累计折旧, 元' }) netValue: string;
  @ApiProperty({ example: '0.58', description: '净值, 万元' }) netValueWan: string;
  @ApiProperty({ type: FigureView }) opening: FigureView;
  @ApiProperty({ type: FigureView }) acquired: FigureView;
  @ApiProperty({ type: FigureView }) disposed: FigureView;
  @ApiProperty({ type: FigureView }) uncarded: FigureView;
}

export class HoldingsView {
  @ApiProperty({ example: '731' }) department: string;
  @ApiProperty({ example: '2024-12-31' }) asOf: string;
  @ApiProperty({ type: String, nullable: true, description: 'The opening declaration the figures start from' })
  openingAsOf: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2024-05',
    description: 'The last depreciation month posted by asOf that 累计折旧 runs through; null before the first posting',
  })
  depreciatedThrough: string | null;
  @ApiProperty({ type: [HoldingsRowView] }) categories: HoldingsRowView[];
  @ApiProperty({ type: HoldingsTotalView }) total: HoldingsTotalView;
  @ApiProperty({ type: FigureView }) uncarded: FigureView;
}

const FIGURE = { $ref: '#/components/schemas/FigureView' };
const ROW_PROPERTIES = {
  opening: FIGURE,
  acquisitions: FIGURE,
  disposals: FIGURE,
  closingBook: FIGURE,
  uncarded: FIGURE,
  physical: { type: 'object', nullable: true },
  ledger: { type: 'object', nullable: true },
  differences: { type: 'object' },
  closingBookNetValue: {
    type: 'object',
    required: ['accumulatedDepreciation', 'accumulatedDepreciationWan', 'netValue', 'netValueWan'],
    properties: {
      accumulatedDepreciation: { type: 'string', description: '累计折旧, 元' },
      accumulatedDepreciationWan: { type: 'string', description: '累计折旧, 万元' },
      netValue: { type: 'string', description: '净值 = 原值 − 累计折旧, 元' },
      netValueWan: { type: 'string', description: '净值, 万元' },
    },
  },
};
const ROW = {
  type: 'object',
  properties: ROW_PROPERTIES,
  additionalProperties: true,
  description:
    'Figures { count, value, valueWan } of opening, acquisitions, disposals, closingBook, uncarded; physical (with shortage, ' +
    'surplus, uncardedCounted; null without a closed stocktake); ledger { value, valueWan } (null without balances); ' +
    'differences { bookMinusPhysical, bookMinusLedger }; closingBookNetValue: 累计折旧 and 净值 of the closing book',
} as unknown as ApiPropertyOptions;

class ReconciliationStocktakeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2024-12-31' }) asOf: string;
  @ApiProperty({ example: '2025-01-10' }) closedOn: string;
}

export class ReconciliationView {
  @ApiProperty({ example: '731' }) department: string;
  @ApiProperty({ example: 2024 }) year: number;
  @ApiProperty({ example: '2023-12-31' }) openingAsOf: string;
  @ApiProperty({ example: '2024-12-31' }) closingAsOf: string;
  @ApiProperty({ type: ReconciliationStocktakeView, nullable: true }) stocktake: ReconciliationStocktakeView | null;
  @ApiProperty() ledgerDeclared: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2024-12',
    description: "The year's last posted depreciation month the closing book's 累计折旧 runs through; null: none posted by 31 December",
  })
  depreciatedThrough: string | null;
  @ApiProperty({
    type: 'array',
    items: { ...ROW, properties: { ...ROW_PROPERTIES, category: { type: 'string' }, categoryCode: { type: 'string' } } },
  } as unknown as ApiPropertyOptions)
  categories: Array<Record<string, unknown>>;
  @ApiProperty(ROW) total: Record<string, unknown>;
  @ApiProperty({ description: 'closing book = physical = ledger in every category' }) balanced: boolean;
  @ApiProperty({ type: [String] }) statements: string[];
}

export class RegisterImportView {
  @ApiProperty({ example: '731' }) department: string;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ example: 'a3f1…', description: 'SHA-256 of the file, hex' }) contentHash: string;
  @ApiProperty({ description: 'The same file was imported before: nothing was written' }) alreadyImported: boolean;
  @ApiProperty() cards: number;
  @ApiProperty({ description: 'Cards whose 资产编号 the register generated' }) numbersGenerated: number;
  @ApiProperty() events: number;
  @ApiProperty({ type: [CategoryFigureView] }) categories: CategoryFigureView[];
  @ApiProperty({ type: FigureView }) total: FigureView;
}
