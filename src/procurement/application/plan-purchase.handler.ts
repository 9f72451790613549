import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decidePlan } from '../domain/decide-plan.js';
import type { PlanFields } from '../domain/purchase.commands.js';
import { PurchaseAssets } from './purchase-assets.port.js';
import { PurchaseFacts } from './purchase-facts.js';
import { answer, purchaseStream } from './purchase-stream.js';
import type { PurchaseView } from './purchase.view.js';

export class PlanPurchaseCommand extends Command<PurchaseView> {
  constructor(
    readonly department: string,
    readonly budgetYear: number,
    readonly plan: PlanFields,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A new purchase stream, filed under the department-year it is planned for. */
@CommandHandler(PlanPurchaseCommand)
export class PlanPurchaseHandler implements ICommandHandler<PlanPurchaseCommand, PurchaseView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly facts: PurchaseFacts,
    private readonly assets: PurchaseAssets,
  ) {}

  execute({ department, budgetYear, plan, context }: PlanPurchaseCommand): Promise<PurchaseView> {
    const purchaseId = randomUUID();
    return this.runner.run(context, async (tx) => {
      const result = await this.streams.run(tx, {
        ...purchaseStream(purchaseId),
        create: { department, budgetYear },
        decide: async (state, { scope }) => decidePlan(state, { purchaseId, ...plan }, await this.facts.lookup(tx, scope, plan)),
      });
      return answer(tx.manager, this.assets, purchaseId, result);
    });
  }
}
