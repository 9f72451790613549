import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PlanPurchaseCommand } from './plan-purchase.command.js';
import { PurchaseWriter } from './purchase-writer.js';
import type { PurchaseView } from './purchase.view.js';

@CommandHandler(PlanPurchaseCommand)
export class PlanPurchaseHandler implements ICommandHandler<PlanPurchaseCommand, PurchaseView> {
  constructor(private readonly writer: PurchaseWriter) {}

  execute({ department, budgetYear, input, context }: PlanPurchaseCommand): Promise<PurchaseView> {
    const purchaseId = randomUUID();
    return this.writer.write(
      purchaseId,
      { type: 'PlanPurchase', data: { ...input, purchaseId, department, budgetYear } },
      context,
      { department, budgetYear },
    );
  }
}
