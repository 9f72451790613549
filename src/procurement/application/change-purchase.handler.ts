import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import { businessToday } from '../../database/business-day.js';
import { TransactionRunner, type Tx } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decide } from '../domain/decide.js';
import type { PlanPurchase, PurchaseCommand } from '../domain/purchase.commands.js';
import { PurchaseAssets } from './purchase-assets.port.js';
import { PurchaseFacts } from './purchase-facts.js';
import { answer, purchaseStream } from './purchase-stream.js';
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

/**
 * One handler for the four changes: they differ only in their decider (decide.ts) and in the
 * facts an amendment needs, which are those of the resulting catalog code and project.
 */
@CommandHandler(ChangePurchaseCommand)
export class ChangePurchaseHandler implements ICommandHandler<ChangePurchaseCommand, PurchaseView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly facts: PurchaseFacts,
    private readonly assets: PurchaseAssets,
  ) {}

  execute(change: ChangePurchaseCommand): Promise<PurchaseView> {
    return this.runner.run(change.context, async (tx) => answer(tx.manager, this.assets, change.purchaseId, await this.change(tx, change)));
  }

  /** The command inside a caller's transaction (a disclosure import amends many in one); returns the events it wrote. */
  async within(tx: Tx, change: ChangePurchaseCommand): Promise<number> {
    return (await this.change(tx, change)).events.length;
  }

  private change(tx: Tx, { purchaseId, command, ifMatch }: ChangePurchaseCommand) {
    return this.streams.run(tx, {
      ...purchaseStream(purchaseId),
      ifMatch,
      decide: async (state, { scope }) => {
        // A contract or an acceptance is dated: not after today by the database clock.
        if (command.type === 'ContractPurchase' || command.type === 'AcceptPurchase') {
          return decide(state, command, { today: await businessToday(tx.manager) });
        }
        if (command.type !== 'AmendPurchase' || state.status === 'empty') return decide(state, command);
        const { changes } = command.data;
        const codes = {
          catalogCode: changes.catalogCode ?? state.plan.catalogCode,
          projectCode: changes.projectCode ?? state.plan.projectCode,
        };
        return decide(state, command, await this.facts.lookup(tx, scope, codes));
      },
    });
  }
}
