import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';

/** What a filled-in count sheet did. */
export type CountsImportView = {
  stocktakeId: string;
  /** Rows with 实盘数量 filled in. */
  counted: number;
  /** Of those, counts that differ from the card's latest one (the rest wrote nothing). */
  changed: number;
  events: number;
  progress: { cards: number; counted: number; uncounted: number };
};

export class ImportCountsCommand extends Command<CountsImportView> {
  constructor(
    readonly stocktakeId: string,
    /** Read only once the caller may see the stocktake: another department's answers 404, whatever the body. */
    readonly content: () => Promise<Buffer>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
