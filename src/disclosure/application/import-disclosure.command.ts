import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import type { DisclosureReport } from '../domain/import-report.js';

export class ImportDisclosureCommand extends Command<DisclosureReport> {
  constructor(
    /** The document text as extracted from the published PDF. */
    readonly text: string,
    readonly dryRun: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}
