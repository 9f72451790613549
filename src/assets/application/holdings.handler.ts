import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { requireDate } from '../domain/asset-rules.js';
import { computeHoldings, type HoldingsView } from '../domain/holdings.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { HoldingsQuery } from './asset.queries.js';
import { Clock } from './clock.js';
import { uncardedAsOf } from './uncarded.js';

@QueryHandler(HoldingsQuery)
export class HoldingsHandler implements IQueryHandler<HoldingsQuery, HoldingsView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ department, asOf }: HoldingsQuery): Promise<HoldingsView> {
    const date = asOf === undefined ? await this.clock.today() : requireDate(asOf, 'asOf');
    // One snapshot: a card committed between the two reads cannot be half in the answer.
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const opening = await this.assets.openingAsOf(m, department, date);
      const { acquired, disposed } = await this.assets.movements(m, department, opening?.asOf ?? null, date);
      const uncarded = await uncardedAsOf(m, this.assets, department, date);
      return computeHoldings(department, { asOf: date, opening, acquired, disposed, uncarded });
    });
  }
}
