import { createHash } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { canonical } from '../../common/json/canonical.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { NO_POSTINGS, evolveDepreciation, postingFigures, shouldPost } from '../domain/depreciation-posting.js';
import { depreciationEvents, type DepreciationEvent } from '../domain/depreciation.events.js';
import { formatYearMonth, lastDayOfMonth, monthOfDate, parseYearMonth } from '../domain/year-month.js';
import { DepreciationRepository } from '../infrastructure/depreciation.repository.js';
import { depreciationStreamId } from '../infrastructure/streams.js';
import { Clock } from './clock.js';
import { PostDepreciationCommand } from './depreciation.commands.js';
import { monthView, type DepreciationMonthView, type PostedFigures } from './depreciation.views.js';

/** The stream of a department's posted months, as every depreciation command runs it. */
export const depreciationStream = (department: string, year: number) => ({
  streamId: depreciationStreamId(department),
  codec: depreciationEvents,
  initial: NO_POSTINGS,
  evolve: evolveDepreciation,
  // Unreachable for a posting (the stream is created on first write); a reversal of a department that never posted.
  notFound: () => new NotFoundError('DEPRECIATION.MONTH_NOT_POSTED', `${department} has no posted depreciation month`, 'yearMonth'),
  create: { department, budgetYear: year },
  budgetYearOf: (event: DepreciationEvent) => Number(event.data.yearMonth.slice(0, 4)),
});

export const postingHash = (department: string, figures: PostedFigures) =>
  createHash('sha256')
    .update(canonical({ department, yearMonth: figures.yearMonth, categories: figures.categories }))
    .digest('hex');

/**
 * Posts a month for every card of the department in one transaction: one aggregate query (the
 * month's sums by category), one DepreciationPosted event. The stream's version check makes a
 * concurrent posting of the same department fail instead of posting twice.
 */
@CommandHandler(PostDepreciationCommand)
export class PostDepreciationHandler implements ICommandHandler<PostDepreciationCommand, DepreciationMonthView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly depreciation: DepreciationRepository,
    private readonly clock: Clock,
  ) {}

  execute({ department, yearMonth, context }: PostDepreciationCommand): Promise<DepreciationMonthView> {
    const month = parseYearMonth(yearMonth, 'yearMonth');
    return this.runner.run(context, async (tx) => {
      // Inside the transaction: on PGlite a second checkout of the one session would wait for it.
      const currentMonth = monthOfDate(await this.clock.today(tx.manager));
      await this.streams.run(tx, {
        ...depreciationStream(department, Math.floor(month / 12)),
        decide: async (state): Promise<DepreciationEvent[]> => {
          const facts = { currentMonth, firstChargedMonth: () => this.depreciation.firstChargedMonth(tx.manager, department) };
          if (!(await shouldPost(state, month, facts))) return [];
          const sums = await this.depreciation.sums(tx.manager, department, lastDayOfMonth(month), month);
          const figures = postingFigures(formatYearMonth(month), sums);
          return [{ type: 'DepreciationPosted', data: { ...figures, contentHash: postingHash(department, figures) } }];
        },
      });
      const [posted] = await this.depreciation.postedMonths(tx.manager, department, month, month);
      return monthView(department, posted);
    });
  }
}
