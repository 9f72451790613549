import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import { TransactionRunner, type Tx } from '../../database/transaction-runner.js';
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

  execute(command: PlanPurchaseCommand): Promise<PurchaseView> {
    const purchaseId = randomUUID();
    return this.runner.run(command.context, async (tx) =>
      answer(tx.manager, this.assets, purchaseId, await this.plan(tx, purchaseId, command)),
    );
  }

  /** The command inside a caller's transaction (a disclosure import plans many in one); returns the new purchase's id. */
  async within(tx: Tx, command: PlanPurchaseCommand): Promise<string> {
    const purchaseId = randomUUID();
    await this.plan(tx, purchaseId, command);
    return purchaseId;
  }

  private plan(tx: Tx, purchaseId: string, { department, budgetYear, plan }: PlanPurchaseCommand) {
    return this.streams.run(tx, {
      ...purchaseStream(purchaseId),
      create: { department, budgetYear },
      fresh: true,
      decide: async (state, { scope }) => decidePlan(state, { purchaseId, ...plan }, await this.facts.lookup(tx, scope, plan)),
    });
  }
}
