import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { requireDate } from '../domain/asset-rules.js';
import { yuanToFen } from '../../common/money/money.js';
import { computeHoldings } from '../domain/holdings.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { HoldingsQuery, type HoldingsWithNetValue } from './asset.queries.js';
import { Clock } from './clock.js';
import { DepreciationReader, netValueView } from './depreciation.reader.js';
import { uncardedAsOf } from './uncarded.js';

@QueryHandler(HoldingsQuery)
export class HoldingsHandler implements IQueryHandler<HoldingsQuery, HoldingsWithNetValue> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly clock: Clock,
    private readonly depreciation: DepreciationReader,
  ) {}

  async execute({ department, asOf }: HoldingsQuery): Promise<HoldingsWithNetValue> {
    const date = asOf === undefined ? await this.clock.today() : requireDate(asOf, 'asOf');
    // One snapshot: a card committed between the two reads cannot be half in the answer.
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const opening = await this.assets.openingAsOf(m, department, date);
      const { acquired, disposed } = await this.assets.movements(m, department, opening?.asOf ?? null, date);
      const uncarded = await uncardedAsOf(m, this.assets, department, date);
      const holdings = computeHoldings(department, { asOf: date, opening, acquired, disposed, uncarded });
      // 净值 = held 原值 − 累计折旧 of the cards held: declared figures without cards carry no depreciation the register knows.
      const { through, accumulated } = await this.depreciation.byCategory(m, department, date);
      const total = [...accumulated.values()].reduce((a, b) => a + b, 0n);
      return {
        ...holdings,
        depreciatedThrough: through,
        categories: holdings.categories.map((c) => ({ ...c, ...netValueView(yuanToFen(c.value), accumulated.get(c.category) ?? 0n) })),
        total: { ...holdings.total, ...netValueView(yuanToFen(holdings.total.value), total) },
      };
    });
  }
}
