import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { ledgerBalancesEvents } from '../domain/declarations.events.js';
import { decideWithdrawLedgerBalances, evolveLedgerBalances, NO_LEDGER_BALANCES } from '../domain/ledger-balances.js';
import { ledgerStreamId } from '../infrastructure/streams.js';
import { WithdrawLedgerBalancesCommand } from './declarations.commands.js';

@CommandHandler(WithdrawLedgerBalancesCommand)
export class WithdrawLedgerBalancesHandler implements ICommandHandler<WithdrawLedgerBalancesCommand, void> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
  ) {}

  async execute({ department, year, ifMatch, context }: WithdrawLedgerBalancesCommand): Promise<void> {
    await this.runner.run(context, async (tx) => {
      await this.streams.run(tx, {
        streamId: ledgerStreamId(department, year),
        codec: ledgerBalancesEvents,
        initial: NO_LEDGER_BALANCES,
        evolve: evolveLedgerBalances,
        notFound: () => new NotFoundError('ASSET.DECLARATION_NOT_FOUND', `No ledger balances are declared for ${year}`, 'year', { year }),
        ifMatch,
        decide: (state) => decideWithdrawLedgerBalances(state, year),
      });
    });
  }
}
