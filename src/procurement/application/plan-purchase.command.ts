import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import type { PlanPurchaseData } from '../domain/index.js';
import type { PurchaseView } from './purchase.view.js';

export type PlanPurchaseInput = Omit<PlanPurchaseData, 'purchaseId' | 'department' | 'budgetYear'>;

export class PlanPurchaseCommand extends Command<PurchaseView> {
  constructor(
    readonly department: string,
    readonly budgetYear: number,
    readonly input: PlanPurchaseInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
