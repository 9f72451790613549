import { Command, Query } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import type { DepreciationMonthView, DepreciationYearView } from './depreciation.views.js';

/** POST /departments/:dept/depreciation/:yearMonth */
export class PostDepreciationCommand extends Command<DepreciationMonthView> {
  constructor(
    readonly department: string,
    /** As sent in the path (YYYY-MM); validated by the handler. */
    readonly yearMonth: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** DELETE /departments/:dept/depreciation/:yearMonth: the latest posted month only. */
export class ReverseDepreciationCommand extends Command<void> {
  constructor(
    readonly department: string,
    readonly yearMonth: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** GET /departments/:dept/years/:year/depreciation */
export class DepreciationYearQuery extends Query<DepreciationYearView> {
  constructor(
    readonly department: string,
    readonly year: number,
  ) {
    super();
  }
}
