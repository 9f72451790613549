import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decideReversal } from '../domain/depreciation-posting.js';
import { parseYearMonth } from '../domain/year-month.js';
import { ReverseDepreciationCommand } from './depreciation.commands.js';
import { depreciationStream } from './post-depreciation.handler.js';

@CommandHandler(ReverseDepreciationCommand)
export class ReverseDepreciationHandler implements ICommandHandler<ReverseDepreciationCommand, void> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
  ) {}

  async execute({ department, yearMonth, context }: ReverseDepreciationCommand): Promise<void> {
    const month = parseYearMonth(yearMonth, 'yearMonth');
    await this.runner.run(context, async (tx) => {
      // A department that never posted has no stream: no `create`, so it answers 404 like an unposted month.
      const { create: _create, ...stream } = depreciationStream(department, Math.floor(month / 12));
      await this.streams.run(tx, { ...stream, decide: (state) => decideReversal(state, month) });
    });
  }
}
