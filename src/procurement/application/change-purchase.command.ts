import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import type { PlanPurchase, PurchaseCommand } from '../domain/index.js';
import type { PurchaseView } from './purchase.view.js';

/** Amend, cancel, contract or accept an existing purchase, at the version the client saw. */
export class ChangePurchaseCommand extends Command<PurchaseView> {
  constructor(
    readonly purchaseId: string,
    readonly command: Exclude<PurchaseCommand, PlanPurchase>,
    readonly ifMatch: number | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
