import { ApiProperty } from '@nestjs/swagger';

class ScopeView {
  @ApiProperty() cards: number;
  @ApiProperty() count: number;
  @ApiProperty({ example: '5700.00' }) value: string;
  @ApiProperty({ example: '0.57' }) valueWan: string;
}

class ProgressView {
  @ApiProperty() counted: number;
  @ApiProperty() uncounted: number;
  @ApiProperty() notFound: number;
  @ApiProperty() surplusItems: number;
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
