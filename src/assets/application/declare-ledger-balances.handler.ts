import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { ledgerBalancesEvents } from '../domain/declarations.events.js';
import { decideLedgerBalances, evolveLedgerBalances, NO_LEDGER_BALANCES } from '../domain/ledger-balances.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { ledgerStreamId } from '../infrastructure/streams.js';
import { DeclareLedgerBalancesCommand } from './declarations.commands.js';
import { ledgerBalancesView, type LedgerBalancesView } from './declarations.views.js';

@CommandHandler(DeclareLedgerBalancesCommand)
export class DeclareLedgerBalancesHandler implements ICommandHandler<DeclareLedgerBalancesCommand, LedgerBalancesView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly assets: AssetRepository,
  ) {}

  execute({ department, year, categories, context }: DeclareLedgerBalancesCommand): Promise<LedgerBalancesView> {
    return this.runner.run(context, async (tx) => {
      await this.streams.run(tx, {
        streamId: ledgerStreamId(department, year),
        codec: ledgerBalancesEvents,
        initial: NO_LEDGER_BALANCES,
        evolve: evolveLedgerBalances,
        // Unreachable (the stream is created on first write); the access guard has checked the department.
        notFound: () => new NotFoundError('ASSET.DECLARATION_NOT_FOUND', `No ledger balances of ${department}/${year}`),
        create: { department, budgetYear: year },
        decide: (state) => decideLedgerBalances(state, { year, categories }),
      });
      return ledgerBalancesView(department, year, (await this.assets.ledgerBalances(tx.manager, department, year)) ?? new Map());
    });
  }
}
