import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChangePurchaseCommand } from './change-purchase.command.js';
import { PurchaseWriter } from './purchase-writer.js';
import type { PurchaseView } from './purchase.view.js';

@CommandHandler(ChangePurchaseCommand)
export class ChangePurchaseHandler implements ICommandHandler<ChangePurchaseCommand, PurchaseView> {
  constructor(private readonly writer: PurchaseWriter) {}

  execute({ purchaseId, command, ifMatch, context }: ChangePurchaseCommand): Promise<PurchaseView> {
    return this.writer.write(purchaseId, command, context, undefined, ifMatch);
  }
}
