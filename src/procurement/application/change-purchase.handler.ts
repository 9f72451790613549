import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decide } from '../domain/index.js';
import { ChangePurchaseCommand } from './change-purchase.command.js';
import { PurchaseFacts } from './purchase-facts.js';
import { PurchaseAnswer, purchaseStream } from './purchase-stream.js';
import type { PurchaseView } from './purchase.view.js';

/** Amend, cancel, contract or accept: the same path, the decider tells them apart. */
@CommandHandler(ChangePurchaseCommand)
export class ChangePurchaseHandler implements ICommandHandler<ChangePurchaseCommand, PurchaseView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly facts: PurchaseFacts,
    private readonly answer: PurchaseAnswer,
  ) {}

  execute({ purchaseId, command, ifMatch, context }: ChangePurchaseCommand): Promise<PurchaseView> {
    return this.runner.run(context, async (tx) => {
      const result = await this.streams.run(tx, {
        ...purchaseStream(purchaseId),
        ifMatch,
        decide: async (state, at) => decide(state, command, await this.facts.for(tx, at.scope, state, command)),
      });
      return this.answer.of(tx, purchaseId, result);
    });
  }
}
