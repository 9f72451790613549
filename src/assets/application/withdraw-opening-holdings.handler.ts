import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { requireDate, yearOf } from '../domain/asset-rules.js';
import { openingHoldingsEvents } from '../domain/declarations.events.js';
import { decideWithdrawOpeningHoldings, EMPTY_OPENING_HOLDINGS, evolveOpeningHoldings } from '../domain/opening-holdings.js';
import { holdingsStreamId } from '../infrastructure/streams.js';
import { WithdrawOpeningHoldingsCommand } from './declarations.commands.js';

@CommandHandler(WithdrawOpeningHoldingsCommand)
export class WithdrawOpeningHoldingsHandler implements ICommandHandler<WithdrawOpeningHoldingsCommand, void> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
  ) {}

  async execute({ department, asOf, ifMatch, context }: WithdrawOpeningHoldingsCommand): Promise<void> {
    const date = requireDate(asOf, 'date');
    await this.runner.run(context, async (tx) => {
      await this.streams.run(tx, {
        streamId: holdingsStreamId(department),
        codec: openingHoldingsEvents,
        initial: EMPTY_OPENING_HOLDINGS,
        evolve: evolveOpeningHoldings,
        notFound: () =>
          new NotFoundError('ASSET.DECLARATION_NOT_FOUND', `No opening holdings are declared as of ${date}`, 'date', { asOf: date }),
        ifMatch,
        // Filed, like the declaration it takes back, under the year of its date.
        budgetYearOf: (event) => yearOf(event.data.asOf),
        decide: (state) => decideWithdrawOpeningHoldings(state, date),
      });
    });
  }
}
