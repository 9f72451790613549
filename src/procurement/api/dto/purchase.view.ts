import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import type { NotCapitalizableReason } from '../../../catalog/index.js';
import { FUNDING_SOURCES } from '../../../common/funding/funding.js';
import { PageView } from '../../../common/http/page.query.js';
import { WARNINGS, WarningView } from '../../../common/http/warning.view.js';
import type { ProcurementType, PurchaseStatus } from '../../domain/purchase.state.js';
import { PROCUREMENT_TYPES, PURCHASE_STATUSES } from '../../domain/purchase.state.js';
import type * as views from '../../application/purchase.view.js';
import type * as summary from '../../application/procurement-summary.js';

const FUNDING: ApiPropertyOptions = {
  type: 'object',
  description: `Only the sources with a non-zero part, 元; keys among ${FUNDING_SOURCES.join(', ')}`,
  additionalProperties: { type: 'string', example: '1900.00' },
};

/** OpenAPI shapes of the views application/purchase.view.ts builds. */
export class PurchasePlanView {
  @ApiProperty({ example: '2024-00001' }) projectCode: string;
  @ApiProperty({ example: '碎纸机' }) itemName: string;
  @ApiProperty({ example: 'A02021301' }) catalogCode: string;
  @ApiProperty({ example: '碎纸机' }) catalogName: string;
  @ApiProperty({ enum: PROCUREMENT_TYPES }) procurementType: ProcurementType;
  @ApiProperty({ example: '台' }) unit: string;
  @ApiProperty({ example: '2', description: 'decimal string' }) quantity: string;
  @ApiProperty({ example: '1900.00' }) unitPrice: string;
  @ApiProperty({ example: '3800.00' }) amount: string;
  @ApiProperty(FUNDING) funding: Record<string, string>;
  @ApiProperty({ example: '0.00' }) smeReserved: string;
  @ApiProperty({ type: String, nullable: true, example: '31002' }) economicCode: string | null;
  @ApiProperty({ description: 'Whether the client chose the economic code (else it follows from the catalog)' })
  economicCodeExplicit: boolean;
}

export class QuantityAmountView {
  @ApiProperty({ example: '2' }) quantity: string;
  @ApiProperty({ example: '3800.00' }) amount: string;
}

export class ContractedView extends QuantityAmountView {
  @ApiProperty({ example: '200.00', description: 'planned − contract amount' }) savings: string;
  @ApiProperty() supplier: string;
  @ApiProperty() contractNo: string;
  @ApiProperty({ example: '2024-03-15' }) signedOn: string;
}

export class AcceptedView extends QuantityAmountView {
  @ApiProperty({ example: 1 }) acceptances: number;
}

class CardRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2024000001' }) assetNo: string;
}

class CardedView {
  @ApiProperty({ example: '2' }) quantity: string;
  @ApiProperty({ example: 2 }) cards: number;
  @ApiProperty({ type: [CardRefView] }) assets: CardRefView[];
}

class AcceptedNotCardedView {
  @ApiProperty({ example: '0' }) quantity: string;
}

class CancellationView {
  @ApiProperty() reason: string;
}

export class PurchaseView implements views.PurchaseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Stream version, for If-Match' }) version: number;
  @ApiProperty({ example: '731' }) department: string;
  @ApiProperty({ example: 2024 }) budgetYear: number;
  @ApiProperty({ enum: PURCHASE_STATUSES }) status: PurchaseStatus;
  @ApiProperty({ type: PurchasePlanView }) plan: PurchasePlanView;
  @ApiProperty({ type: QuantityAmountView }) planned: QuantityAmountView;
  @ApiProperty({ type: ContractedView, nullable: true, description: 'Null until a contract is signed' })
  contracted: ContractedView | null;
  @ApiProperty({ type: AcceptedView }) accepted: AcceptedView;
  @ApiProperty({ type: QuantityAmountView, nullable: true, description: 'Still to accept; null without a live contract' })
  remaining: QuantityAmountView | null;
  @ApiProperty({ type: CancellationView, nullable: true }) cancellation: CancellationView | null;
  @ApiProperty({ type: CardedView }) carded: CardedView;
  @ApiProperty({ type: AcceptedNotCardedView }) acceptedNotCarded: AcceptedNotCardedView;
  @ApiProperty({ type: String, nullable: true, enum: ['service', 'works', 'not_an_asset', 'below_threshold'] })
  notCapitalizable: NotCapitalizableReason | null;
  @ApiPropertyOptional(WARNINGS) warnings?: WarningView[];
}

export const PurchasePage = PageView(PurchaseView);

class SummaryTotalView {
  @ApiProperty({ example: '3800.00' }) amount: string;
  @ApiProperty({ example: '0.38' }) amountWan: string;
  @ApiProperty() count: number;
  @ApiProperty({ example: '0.00' }) smeReserved: string;
  @ApiProperty({ example: '0.00' }) smeReservedWan: string;
}

class SummaryProjectView {
  @ApiProperty() projectCode: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty() count: number;
  @ApiProperty({ example: '3800.00' }) amount: string;
  @ApiProperty({ example: '0.38' }) amountWan: string;
}

class SummarySourceView {
  @ApiProperty({ enum: FUNDING_SOURCES }) source: (typeof FUNDING_SOURCES)[number];
  @ApiProperty({ example: '一般公共预算拨款' }) name: string;
  @ApiProperty({ example: '3800.00' }) amount: string;
  @ApiProperty({ example: '0.38' }) amountWan: string;
}

class SummaryTypeView {
  @ApiProperty({ enum: PROCUREMENT_TYPES }) type: ProcurementType;
  @ApiProperty() count: number;
  @ApiProperty({ example: '3800.00' }) amount: string;
  @ApiProperty({ example: '0.38' }) amountWan: string;
}

export class ProcurementSummaryView implements summary.ProcurementSummary {
  @ApiProperty({ example: '731' }) department: string;
  @ApiProperty({ example: 2024 }) budgetYear: number;
  @ApiProperty({ type: SummaryTotalView, description: 'Live purchases only' }) total: SummaryTotalView;
  @ApiProperty({ type: [SummaryProjectView] }) byProject: SummaryProjectView[];
  @ApiProperty({ type: [SummarySourceView] }) byFundingSource: SummarySourceView[];
  @ApiProperty({ type: [SummaryTypeView] }) byType: SummaryTypeView[];
}
