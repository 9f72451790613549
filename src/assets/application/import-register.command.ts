import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import type { FigureView } from '../domain/category-figures.js';

/** What an import (or its dry run) did: the cards by category, and whether the same file was already imported. */
export type RegisterImportView = {
  department: string;
  dryRun: boolean;
  contentHash: string;
  /** The same file was imported before: nothing was written. */
  alreadyImported: boolean;
  cards: number;
  /** Cards whose 资产编号 the register generates (<dept>-<year>-<6 digits>). */
  numbersGenerated: number;
  events: number;
  categories: Array<{ category: string; categoryCode: string } & FigureView>;
  total: FigureView;
};

/** POST /departments/:dept/assets/import and `npm run import-assets`. */
export class ImportRegisterCommand extends Command<RegisterImportView> {
  constructor(
    readonly department: string,
    readonly content: Buffer,
    readonly dryRun: boolean,
    readonly context: CommandContext,
    /** Called as batches are written (the CLI's progress bar). */
    readonly progress?: (done: number, total: number) => void,
  ) {
    super();
  }
}
