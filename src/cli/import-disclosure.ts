import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { AppModule } from '../app.module.js';
import type { CommandContext } from '../common/context/command-context.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { checkDatabase, DatabaseUnavailableError } from '../database/check-database.js';
import { type DiffEntry, type DisclosureReport, ImportDisclosureCommand } from '../disclosure/index.js';

const USAGE = 'usage: npm run import -- <disclosure.txt> [--dry-run]';

/** `npm run import -- <file> [--dry-run]`: POST /disclosures from the command line, as the service itself. */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1 || args.some((a) => a.startsWith('--') && a !== '--dry-run')) {
    console.error(USAGE);
    return 2;
  }
  step(`reading ${files[0]}`);
  const text = (await readFile(files[0], 'utf8')).replace(/^\ufeff/, '');
  const config = loadConfig();
  step(`connecting to the ${config.databaseKind} database`);
  await checkDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    step(dryRun ? 'comparing with the register (dry run: nothing is written)' : 'importing in one transaction');
    const context: CommandContext = {
      actor: { id: 'system', kind: 'system', roles: ['admin'], departments: '*' },
      correlationId: randomUUID(),
    };
    try {
      printReport(await app.get(CommandBus).execute(new ImportDisclosureCommand(text, dryRun, context)));
      return 0;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const report = err.details?.report as DisclosureReport | undefined;
      if (report) printReport(report);
      console.error(`error: ${err.code}: ${err.message}`);
      return 1;
    }
  } finally {
    await app.close();
  }
}

function step(message: string): void {
  process.stderr.write(`… ${message}\n`);
}

function printReport(report: DisclosureReport): void {
  console.log(
    `${report.department?.code ?? '?'} ${report.department?.name ?? ''} ${report.budgetYear ?? ''} (${report.unit ?? '?'}): ${report.outcome}`,
  );
  const { tables } = report;
  console.table({
    收支总表: { rows: tables.income?.rows ?? '-', total: tables.income?.totalWanYuan ?? '-' },
    基本支出: { rows: tables.basicExpenditure?.rows ?? '-', total: tables.basicExpenditure?.totalWanYuan ?? '-' },
    项目: { rows: tables.projects.rows, total: tables.projects.totalWanYuan ?? '-' },
    政府采购预算: { rows: tables.procurement?.rows ?? '-', total: tables.procurement?.totalWanYuan ?? '-' },
    固定资产占用: { rows: tables.holdings?.rows ?? '-', total: tables.holdings?.valueWanYuan ?? '-' },
    拟购置固定资产: { rows: '-', total: tables.plannedAssetPurchasesWanYuan ?? '-' },
  });
  if (report.counts) console.table([{ ...report.counts, eventsWritten: report.eventsWritten }]);
  const changes = (Object.entries(report.diff ?? {}) as [string, DiffEntry[]][]).flatMap(([section, entries]) =>
    entries.filter((e) => e.status !== 'unchanged').map((e) => ({ section, key: e.key, status: e.status, line: e.line ?? '' })),
  );
  if (changes.length > 0) console.table(changes);
  for (const [title, notes] of [
    ['skipped', report.skipped],
    ['errors', report.errors],
    ['inconsistencies', report.inconsistencies],
  ] as const) {
    if (notes.length > 0) {
      console.log(title);
      console.table(notes);
    }
  }
  for (const d of report.derivedProjectCodes) console.log(`derived project code ${d.projectCode} for ${d.name} (line ${d.line})`);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError || err instanceof DatabaseUnavailableError ? `error: ${err.message}` : err);
    process.exit(1);
  },
);
