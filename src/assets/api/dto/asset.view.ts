import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FUNDING_SOURCES } from '../../../common/funding/funding.js';
import { PageView } from '../../../common/http/page.query.js';
import { WARNINGS, WarningView } from '../../../common/http/warning.view.js';
import type { AssetView as AssetViewShape } from '../../application/asset.view.js';
import { ASSET_STATUSES, type AssetStatus } from '../../domain/asset.state.js';
import { USAGE_STATES, type UsageState } from '../../domain/asset-vocabulary.js';

const text = (description?: string) => ({ type: String, nullable: true, ...(description ? { description } : {}) });

class DisposalView {
  @ApiProperty({ example: '2024-11-30' }) disposedOn: string;
  @ApiProperty({ example: 'scrapped' }) method: string;
  @ApiProperty() reason: string;
}

/** OpenAPI shape of an asset card (application/asset.view.ts). */
export class AssetView implements AssetViewShape {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '731-2024-000001', description: '资产编号' }) assetNo: string;
  @ApiProperty({ description: 'Stream version, for If-Match' }) version: number;
  @ApiProperty({ example: '731' }) department: string;
  @ApiProperty({ example: '碎纸机' }) name: string;
  @ApiProperty({ example: 'A02021301' }) catalogCode: string;
  @ApiProperty({ example: '碎纸机' }) catalogName: string;
  @ApiProperty({ example: '通用设备' }) category: string;
  @ApiProperty({ example: '2' }) categoryCode: string;
  @ApiProperty({ example: 1 }) quantity: number;
  @ApiProperty(text()) unit: string | null;
  @ApiProperty({ example: '1900.00', description: '元' }) originalValue: string;
  @ApiProperty({ example: '1900.00', description: '元' }) unitValue: string;
  @ApiProperty({ example: '2024-03-12' }) acquiredOn: string;
  @ApiProperty({ example: 'purchase' }) source: string;
  @ApiProperty(text()) location: string | null;
  @ApiProperty(text()) custodian: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', example: '1900.00' },
    description: `Funding sources with a non-zero part, 元; keys among ${FUNDING_SOURCES.join(', ')}`,
  })
  funding: Record<string, string>;
  @ApiProperty(text()) economicCode: string | null;
  @ApiProperty({ ...text(), format: 'uuid' }) purchaseId: string | null;
  @ApiProperty({ ...text(), format: 'uuid' }) acceptanceId: string | null;
  @ApiProperty(text()) brand: string | null;
  @ApiProperty(text()) model: string | null;
  @ApiProperty(text()) usingDepartment: string | null;
  @ApiProperty(text('财务入账日期 YYYY-MM-DD')) financeEntryDate: string | null;
  @ApiProperty(text('会计凭证号')) voucherNo: string | null;
  @ApiProperty({ enum: Object.keys(USAGE_STATES), description: '使用状况' }) usage: UsageState;
  @ApiProperty({ enum: ASSET_STATUSES }) status: AssetStatus;
  @ApiProperty({ type: DisposalView, nullable: true }) disposal: DisposalView | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiPropertyOptional(WARNINGS) warnings?: WarningView[];
}

/** GET /assets/:id: the card with its depreciation figures as of the read date (`asOf`, default today). */
export class AssetDepreciatedView extends AssetView {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 72,
    description: '折旧年限 in months (the card’s own, else the minimum of its class); null: not depreciated',
  })
  usefulLifeMonths: number | null;
  @ApiProperty({ example: '166.66', description: '累计折旧 through depreciatedThrough, 元' }) accumulatedDepreciation: string;
  @ApiProperty({ example: '5833.34', description: '净值 = 原值 − 累计折旧, 元' }) netValue: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2024-05',
    description: "The department's last depreciation month posted by the read date; null before the first posting",
  })
  depreciatedThrough: string | null;
}

export const AssetPage = PageView(AssetView);
