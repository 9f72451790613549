import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ValidationError } from '../../common/errors/domain-error.js';
import { Quantity } from '../../common/money/quantity.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { readCountRows } from '../domain/count-sheet.js';
import { decideStocktake, MAX_COUNTS_PER_REQUEST } from '../domain/decide-stocktake.js';
import { StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { visibleStocktake } from './count-sheet.handler.js';
import { readCountSheet } from './count-sheet-reader.js';
import { ImportCountsCommand, type CountsImportView } from './import-counts.command.js';
import { invalidRows } from './invalid-rows.js';
import { decideOnTable, lockStocktake } from './stocktake-table.js';

/** From this many rows on, the counts changed enough of the table for the planner to need to know. */
const BULK = 10_000;

/**
 * A filled-in count sheet, all or nothing: every row is checked (its card in this stocktake,
 * 实盘数量 a whole number) before anything is written, then the counts are decided and applied
 * batch by batch in the one transaction, as POST /counts would take them.
 */
@CommandHandler(ImportCountsCommand)
export class ImportCountsHandler implements ICommandHandler<ImportCountsCommand, CountsImportView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly stocktakes: StocktakeRepository,
  ) {}

  async execute({ stocktakeId, content, context }: ImportCountsCommand): Promise<CountsImportView> {
    await visibleStocktake(this.dataSource.manager, this.stocktakes, stocktakeId, context.actor);
    const file = await readCountSheet(await content());
    return this.runner.run(context, async (tx) => {
      await lockStocktake(tx, this.stocktakes, stocktakeId);
      const numbers = [...new Set(file.rows.filter((r) => r.counted.trim() !== '').map((r) => r.assetNo.trim()))];
      const ids = await this.stocktakes.idsByAssetNo(tx.manager, stocktakeId, numbers);
      const { counts, problems } = readCountRows(file.rows, file.header, (n) => ids.has(n));
      if (problems.length > 0) throw invalidRows(problems);
      if (counts.length === 0) throw new ValidationError('STOCKTAKE.NOTHING_COUNTED', 'No row of the sheet has 实盘数量 filled in', 'file');
      let changed = 0;
      let events = 0;
      for (let i = 0; i < counts.length; i += MAX_COUNTS_PER_REQUEST) {
        const batch = counts.slice(i, i + MAX_COUNTS_PER_REQUEST).map((c) => ({
          assetId: ids.get(c.assetNo)!,
          found: c.quantity > 0n,
          quantity: c.quantity > 0n ? Quantity.fromInteger(c.quantity) : undefined,
          note: c.note,
        }));
        const written = await decideOnTable(tx, this.streams, this.stocktakes, stocktakeId, {
          assetIds: batch.map((c) => c.assetId),
          decide: (state) =>
            decideStocktake(
              state,
              { type: 'RecordCounts', data: { stocktakeId, counts: batch, unknownItems: [] } },
              { existingAssets: new Set(), catalog: new Map() },
            ),
        });
        events += written.length;
        for (const e of written) if (e.type === 'AssetsCounted') changed += e.data.counts.length;
      }
      const record = (await this.stocktakes.get(tx.manager, stocktakeId))!;
      if (counts.length >= BULK) await this.stocktakes.analyze(tx.manager);
      return {
        stocktakeId,
        counted: counts.length,
        changed,
        events,
        progress: { cards: record.items, counted: record.counted, uncounted: record.items - record.counted },
      };
    });
  }
}
