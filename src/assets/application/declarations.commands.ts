import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import type { Fen } from '../../common/money/money.js';
import type { AssetCategoryName } from '../domain/asset-category.js';
import type { CategoryFigureInput } from '../domain/opening-holdings.js';
import type { LedgerBalancesView, OpeningHoldingsView } from './declarations.views.js';

export class DeclareOpeningHoldingsCommand extends Command<OpeningHoldingsView> {
  constructor(
    readonly department: string,
    /** As sent in the path; validated by the handler. */
    readonly asOf: string,
    readonly categories: readonly CategoryFigureInput[],
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class DeclareLedgerBalancesCommand extends Command<LedgerBalancesView> {
  constructor(
    readonly department: string,
    readonly year: number,
    readonly categories: ReadonlyArray<{ category: AssetCategoryName; value: Fen }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** DELETE /departments/:dept/opening-holdings/:date. */
export class WithdrawOpeningHoldingsCommand extends Command<void> {
  constructor(
    readonly department: string,
    /** As sent in the path; validated by the handler. */
    readonly asOf: string,
    /** The holdings-<dept> stream version the client last saw; undefined: not checked. */
    readonly ifMatch: number | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** DELETE /departments/:dept/years/:year/ledger-balances. */
export class WithdrawLedgerBalancesCommand extends Command<void> {
  constructor(
    readonly department: string,
    readonly year: number,
    /** The ledger-<dept>-<year> stream version the client last saw; undefined: not checked. */
    readonly ifMatch: number | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
