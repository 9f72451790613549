import { PageView } from '../../../common/http/page.query.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CatalogEntryDetails } from '../../application/get-catalog-entry.query.js';
import type { CatalogEntry } from '../../domain/catalog-entry.js';
import { ASSET_CATEGORY_NAMES } from '../../domain/classification.js';
import { formatYuan } from '../../../common/money/money.js';

const TYPES = ['goods', 'works', 'services'];

export class CatalogNodeView {
  @ApiProperty({ example: 'A02020000' }) code: string;
  @ApiProperty({ example: '办公设备' }) name: string;
  @ApiProperty({ description: '0 for a root (A 货物, B 工程, C 服务), else 1–4', example: 2 }) level: number;
}

export class EconomicLineView {
  @ApiProperty({ example: '31002' }) code: string;
  @ApiProperty({ example: '办公设备购置' }) name: string;
}

export class CatalogItemView {
  @ApiProperty({ example: 'A02021301' }) code: string;
  @ApiProperty({ example: '碎纸机' }) name: string;
  @ApiProperty({ minimum: 1, maximum: 4, example: 4 }) level: number;
  @ApiProperty({ enum: TYPES, example: 'goods' }) type: string;
  @ApiProperty({ description: 'Parent code, or the root letter for level 1', example: 'A02021300' }) parent: string;

  static of(entry: CatalogEntry): CatalogItemView {
    return { code: entry.code, name: entry.name, level: entry.level, type: entry.type, parent: entry.parent };
  }
}

export class CatalogEntryView {
  @ApiProperty({ example: 'A02021301' }) code: string;
  @ApiProperty({ example: '碎纸机' }) name: string;
  @ApiProperty({ minimum: 1, maximum: 4, example: 4 }) level: number;
  @ApiProperty({ enum: TYPES, example: 'goods' }) type: string;
  @ApiProperty({ example: 'A02021300' }) parent: string;

  @ApiProperty({ type: [CatalogNodeView], description: 'Root first, ending at the direct parent' })
  parents: CatalogNodeView[];

  @ApiPropertyOptional({
    enum: ASSET_CATEGORY_NAMES,
    description: 'Disclosure category of 部门固定资产占用情况表. Goods only; absent for consumables (A07 物资, A0504 办公用品).',
    example: '通用设备（除车辆）',
  })
  assetCategory?: string;

  @ApiPropertyOptional({
    description: 'Present with assetCategory. True for 家具用具 and 图书档案: capitalized whatever the unit value, carded as one batch.',
  })
  batch?: boolean;

  @ApiPropertyOptional({
    type: EconomicLineView,
    description: 'Default 部门预算支出经济分类 line: 310xx for assets, 302xx for services and consumables. A purchase may set another.',
  })
  economicLine?: EconomicLineView;

  @ApiProperty({
    description:
      'Whether goods of this code can be fixed assets (they have an asset category). Whether one purchase is depends on ' +
      'its unit price: at least `capitalizationThreshold`. Always false for services and works: works become assets ' +
      'through the building they produce, carded under its A01 code.',
  })
  capitalizable: boolean;

  @ApiPropertyOptional({
    description: 'Unit value in 元 at or above which one unit is a fixed asset (专用设备 has its own). Absent for batch categories.',
    example: '1000.00',
  })
  capitalizationThreshold?: string;

  static of(details: CatalogEntryDetails): CatalogEntryView {
    const { entry, parents, classification, thresholdFen } = details;
    const category = classification.assetCategory;
    return {
      ...CatalogItemView.of(entry),
      parents: parents.map((p) => ({ code: p.code, name: p.name, level: p.level })),
      ...(category ? { assetCategory: category.name, batch: category.batch } : {}),
      ...(classification.economicLine ? { economicLine: { ...classification.economicLine } } : {}),
      capitalizable: classification.capitalizable,
      ...(thresholdFen !== undefined ? { capitalizationThreshold: formatYuan(thresholdFen) } : {}),
    };
  }
}

export class CatalogPageView extends PageView(CatalogItemView) {}
