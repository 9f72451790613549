import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { TransactionRunner, type Tx } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { requirePastDate, yearOf } from '../domain/asset-rules.js';
import { openingHoldingsEvents } from '../domain/declarations.events.js';
import { decideOpeningHoldings, EMPTY_OPENING_HOLDINGS, evolveOpeningHoldings } from '../domain/opening-holdings.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { holdingsStreamId } from '../infrastructure/streams.js';
import { Clock } from './clock.js';
import { DeclareOpeningHoldingsCommand } from './declarations.commands.js';
import { openingHoldingsView, type OpeningHoldingsView } from './declarations.views.js';

@CommandHandler(DeclareOpeningHoldingsCommand)
export class DeclareOpeningHoldingsHandler implements ICommandHandler<DeclareOpeningHoldingsCommand, OpeningHoldingsView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly assets: AssetRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: DeclareOpeningHoldingsCommand): Promise<OpeningHoldingsView> {
    // Checked before the transaction: the date is the path's, and it files the event.
    const date = requirePastDate(command.asOf, 'date', await this.clock.today());
    return this.runner.run(command.context, async (tx) => {
      await this.declare(tx, date, command);
      const declared = await this.assets.openingAsOf(tx.manager, command.department, date);
      return openingHoldingsView(command.department, date, declared?.asOf === date ? declared.figures : new Map());
    });
  }

  /** The command inside a caller's transaction (a disclosure import); returns the events it wrote. */
  async within(tx: Tx, command: DeclareOpeningHoldingsCommand): Promise<number> {
    return this.declare(tx, requirePastDate(command.asOf, 'date', await this.clock.today(tx.manager)), command);
  }

  private async declare(tx: Tx, date: string, { department, categories }: DeclareOpeningHoldingsCommand): Promise<number> {
    const { events } = await this.streams.run(tx, {
      streamId: holdingsStreamId(department),
      codec: openingHoldingsEvents,
      initial: EMPTY_OPENING_HOLDINGS,
      evolve: evolveOpeningHoldings,
      // Unreachable (the stream is created on first write); the access guard has checked the department.
      notFound: () => new NotFoundError('ASSET.DECLARATION_NOT_FOUND', `No opening holdings of ${department}`),
      create: { department, budgetYear: yearOf(date) },
      // One stream for every date: each declaration is filed under the year of the date it declares (2023 for 2023-12-31).
      budgetYearOf: (event) => yearOf(event.data.asOf),
      decide: (state) => decideOpeningHoldings(state, { asOf: date, categories }),
    });
    return events.length;
  }
}
