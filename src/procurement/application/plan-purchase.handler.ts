import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decide, type PlanPurchase } from '../domain/index.js';
import { PlanPurchaseCommand } from './plan-purchase.command.js';
import { PurchaseFacts } from './purchase-facts.js';
import { PurchaseAnswer, purchaseStream } from './purchase-stream.js';
import type { PurchaseView } from './purchase.view.js';

@CommandHandler(PlanPurchaseCommand)
export class PlanPurchaseHandler implements ICommandHandler<PlanPurchaseCommand, PurchaseView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly facts: PurchaseFacts,
    private readonly answer: PurchaseAnswer,
  ) {}

  execute({ department, budgetYear, input, context }: PlanPurchaseCommand): Promise<PurchaseView> {
    const purchaseId = randomUUID();
    const command: PlanPurchase = { type: 'PlanPurchase', data: { ...input, purchaseId, department, budgetYear } };
    return this.runner.run(context, async (tx) => {
      const result = await this.streams.run(tx, {
        ...purchaseStream(purchaseId),
        create: { department, budgetYear },
        decide: async (state, at) => decide(state, command, await this.facts.for(tx, at.scope, state, command)),
      });
      return this.answer.of(tx, purchaseId, result);
    });
  }
}
