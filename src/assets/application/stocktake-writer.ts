import { Injectable } from '@nestjs/common';
import { requireInScope } from '../../common/auth/department-scope.js';
import type { CommandContext } from '../../common/context/command-context.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { TransactionRunner, type Tx } from '../../database/transaction-runner.js';
import { EventStore } from '../../event-log/infrastructure/event-store.js';
import { requirePastDate, yearOf } from '../domain/asset-rules.js';
import { decideStocktake } from '../domain/decide-stocktake.js';
import { foldStocktake } from '../domain/evolve-stocktake.js';
import { isStocktakeEvent, STOCKTAKE_EVENT_SCHEMA_VERSION } from '../domain/stocktake.events.js';
import type { StocktakeCommand, StocktakeDecisionContext, StocktakeState } from '../domain/stocktake.state.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { stocktakeStreamId } from '../infrastructure/streams.js';
import { AssetCatalog } from './asset-catalog.js';
import { Clock } from './clock.js';
import { stocktakeView, type StocktakeView } from './stocktake.view.js';
import { isUuid } from '../../common/validation/values.js';

const notFound = (stocktakeId: string) =>
  new NotFoundError('STOCKTAKE.NOT_FOUND', `Stocktake ${stocktakeId} does not exist`, undefined, { stocktakeId });

/** Load the stocktake's stream, look up the facts the command needs, decide, append, answer. */
@Injectable()
export class StocktakeWriter {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly store: EventStore,
    private readonly assets: AssetRepository,
    private readonly stocktakes: StocktakeRepository,
    private readonly catalog: AssetCatalog,
    private readonly clock: Clock,
  ) {}

  /** @param department known when opening; read from the stream otherwise */
  write(stocktakeId: string, command: StocktakeCommand, context: CommandContext, department?: string): Promise<StocktakeView> {
    const today = this.clock.today();
    // Checked before the scope is read: a malformed date must not reach SQL.
    if (command.type === 'OpenStocktake') requirePastDate(command.data.asOf, 'asOf', today);
    return this.runner.run(context, async (tx) => {
      const streamId = stocktakeStreamId(stocktakeId);
      // Folded directly, not with store.load: a long stocktake has thousands of counts and the fold updates them in place.
      const history = await this.store.readStream(tx.manager, streamId);
      const state = foldStocktake(history.filter((e) => isStocktakeEvent(e)));
      const owner = history[0]?.department ?? department;
      if (!owner) throw notFound(stocktakeId);
      requireInScope(context.actor, owner, () => notFound(stocktakeId));
      const events = decideStocktake(state, command, await this.facts(tx, owner, state, command, today));
      // Decided, so a stream without events was being opened: filed under the year of its asOf.
      const asOf = state.status !== 'empty' ? state.asOf : command.type === 'OpenStocktake' ? command.data.asOf : today;
      const version = history.length === 0 ? 'no_stream' : history[history.length - 1].streamVersion;
      await this.store.append(
        tx,
        streamId,
        { department: owner, budgetYear: yearOf(asOf) },
        events.map((e) => ({ ...e, schemaVersion: STOCKTAKE_EVENT_SCHEMA_VERSION })),
        version,
      );
      const record = await this.stocktakes.get(tx.manager, stocktakeId);
      if (!record) throw notFound(stocktakeId);
      return stocktakeView(record);
    });
  }

  private async facts(
    tx: Tx,
    department: string,
    state: StocktakeState,
    command: StocktakeCommand,
    today: string,
  ): Promise<StocktakeDecisionContext> {
    switch (command.type) {
      case 'OpenStocktake':
        return state.status === 'empty'
          ? { today, scope: await this.assets.heldAsOf(tx.manager, department, command.data.asOf) }
          : { today, scope: [] };
      case 'RecordCounts': {
        const items = state.status === 'empty' ? new Map() : state.items;
        const outside = command.data.counts.map((c) => c.assetId).filter((id) => isUuid(id) && !items.has(id));
        const codes = command.data.unknownItems.map((u) => (typeof u.catalogCode === 'string' ? u.catalogCode.trim() : ''));
        return {
          existingAssets: await this.assets.existing(tx.manager, department, outside),
          catalog: new Map(codes.map((code) => [code, this.catalog.facts(code)])),
        };
      }
      case 'CloseStocktake':
        return { today };
    }
  }
}
