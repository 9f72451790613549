import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '../../database/transaction-runner.js';
import type { StoredEvent } from '../../event-log/domain/event.js';
import { EventStore } from '../../event-log/infrastructure/event-store.js';
import { requirePastDate, yearOf } from '../domain/asset-rules.js';
import {
  decideLedgerBalances,
  evolveLedgerBalances,
  type LedgerBalancesDeclared,
  type LedgerBalancesState,
} from '../domain/ledger-balances.js';
import {
  decideOpeningHoldings,
  EMPTY_OPENING_HOLDINGS,
  evolveOpeningHoldings,
  type OpeningHoldingsDeclared,
  type OpeningHoldingsState,
} from '../domain/opening-holdings.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { holdingsStreamId, ledgerStreamId } from '../infrastructure/streams.js';
import { Clock } from './clock.js';
import { DeclareLedgerBalancesCommand, DeclareOpeningHoldingsCommand } from './declarations.commands.js';
import { ledgerBalancesView, type LedgerBalancesView, openingHoldingsView, type OpeningHoldingsView } from './declarations.views.js';

const SCHEMA_VERSION = 1;

@CommandHandler(DeclareOpeningHoldingsCommand)
export class DeclareOpeningHoldingsHandler implements ICommandHandler<DeclareOpeningHoldingsCommand, OpeningHoldingsView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly store: EventStore,
    private readonly assets: AssetRepository,
    private readonly clock: Clock,
  ) {}

  execute({ department, asOf, categories, context }: DeclareOpeningHoldingsCommand): Promise<OpeningHoldingsView> {
    const date = requirePastDate(asOf, 'date', this.clock.today());
    return this.runner.run(context, async (tx) => {
      const streamId = holdingsStreamId(department);
      const { state, expected } = await this.store.load(
        tx.manager,
        streamId,
        EMPTY_OPENING_HOLDINGS,
        (s: OpeningHoldingsState, e: StoredEvent) => evolveOpeningHoldings(s, e as unknown as OpeningHoldingsDeclared),
      );
      const events = decideOpeningHoldings(state, { asOf: date, categories });
      // Filed under the year of the date it declares (2023 for 2023-12-31), like every dated fact.
      await this.store.append(
        tx,
        streamId,
        { department, budgetYear: yearOf(date) },
        events.map((e) => ({ ...e, schemaVersion: SCHEMA_VERSION })),
        expected,
      );
      const declared = await this.assets.openingAsOf(tx.manager, department, date);
      return openingHoldingsView(department, date, declared?.asOf === date ? declared.figures : new Map());
    });
  }
}

@CommandHandler(DeclareLedgerBalancesCommand)
export class DeclareLedgerBalancesHandler implements ICommandHandler<DeclareLedgerBalancesCommand, LedgerBalancesView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly store: EventStore,
    private readonly assets: AssetRepository,
  ) {}

  execute({ department, year, categories, context }: DeclareLedgerBalancesCommand): Promise<LedgerBalancesView> {
    return this.runner.run(context, async (tx) => {
      const streamId = ledgerStreamId(department, year);
      const { state, expected } = await this.store.load(
        tx.manager,
        streamId,
        null as LedgerBalancesState,
        (s: LedgerBalancesState, e: StoredEvent) => evolveLedgerBalances(s, e as unknown as LedgerBalancesDeclared),
      );
      const events = decideLedgerBalances(state, { year, categories });
      await this.store.append(
        tx,
        streamId,
        { department, budgetYear: year },
        events.map((e) => ({ ...e, schemaVersion: SCHEMA_VERSION })),
        expected,
      );
      return ledgerBalancesView(department, year, (await this.assets.ledgerBalances(tx.manager, department, year)) ?? new Map());
    });
  }
}
