import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ScopeView {
  @ApiProperty() cards: number;
  @ApiProperty() count: number;
  @ApiProperty({ example: '5700.00' }) value: string;
  @ApiProperty({ example: '0.57' }) valueWan: string;
}

class CategoryProgressView {
  @ApiProperty({ example: '通用设备（除车辆）' }) category: string;
  @ApiProperty({ example: 'general_equipment' }) categoryCode: string;
  @ApiProperty({ description: 'Cards of the category counted so far' }) counted: number;
  @ApiProperty({ description: 'Cards of the category in the scope' }) total: number;
}

class LocationProgressView {
  @ApiProperty({ type: String, nullable: true, description: '存放地点 as the card has it now; null: none recorded' })
  location: string | null;
  @ApiProperty() counted: number;
  @ApiProperty() total: number;
}

class ProgressView {
  @ApiProperty() counted: number;
  @ApiProperty() uncounted: number;
  @ApiProperty() notFound: number;
  @ApiProperty() surplusItems: number;
  // Only GET /stocktakes/:id groups the scope; a command's answer leaves these out.
  @ApiPropertyOptional({ type: [CategoryProgressView], description: 'Counted against total by category (GET /stocktakes/:id only)' })
  byCategory?: CategoryProgressView[];
  @ApiPropertyOptional({ type: [LocationProgressView], description: 'Counted against total by location (GET /stocktakes/:id only)' })
  byLocation?: LocationProgressView[];
}

class CategoryCountView {
  @ApiProperty({ example: '家具用具' }) category: string;
  @ApiProperty({ example: '6' }) categoryCode: string;
  @ApiProperty() count: number;
  @ApiProperty({ example: '1200.00' }) value: string;
  @ApiProperty({ example: '0.12' }) valueWan: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

/** OpenAPI shape of a stocktake (application/stocktake.view.ts). */
export class StocktakeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Stream version' }) version: number;
  @ApiProperty({ example: '731' }) department: string;
  @ApiProperty({ example: 2024 }) budgetYear: number;
  @ApiProperty({ example: '2024-12-31' }) asOf: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ example: '42', description: 'Log position of StocktakeOpened: the scope is the cards held then' })
  openedPosition: string;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: ScopeView }) scope: ScopeView;
  @ApiProperty({ type: ProgressView }) progress: ProgressView;
  @ApiProperty({ type: [CategoryCountView], description: 'Uncarded items counted by category' }) categoryCounts: CategoryCountView[];
  @ApiProperty({ type: String, nullable: true }) closedOn: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    properties: Object.fromEntries(
      ['categories', 'shortages', 'uncounted', 'surpluses'].map((k) => [k, { type: 'array', items: { type: 'object' } }]),
    ),
    additionalProperties: true,
    description: 'Once closed: book, shortages (盘亏), surpluses (盘盈) and physical, per category and per card; null while open',
  })
  result: Record<string, unknown> | null;
}
