import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { AppModule } from '../app.module.js';
import { ImportRegisterCommand } from '../assets/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { checkDatabase, DatabaseUnavailableError } from '../database/check-database.js';

const USAGE = 'usage: npm run import-assets -- --department <code> <file.csv|file.xlsx> [--dry-run]';

/** `npm run import-assets`: the same command as POST /departments/:dept/assets/import, from a file on disk. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { department: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (!values.department || positionals.length !== 1) throw new UsageError(USAGE);
  const content = await readFile(positionals[0]);
  const config = loadConfig();
  await checkDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  const bar = (done: number, total: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} cards`);
  };
  try {
    const context = { actor: { id: 'system', kind: 'system' as const, departments: '*' as const }, correlationId: randomUUID() };
    const result = await app
      .get(CommandBus)
      .execute(new ImportRegisterCommand(values.department, content, values['dry-run'] ?? false, context, bar));
    process.stderr.write('\n');
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await app.close();
  }
}

class UsageError extends Error {}

main().catch((err: unknown) => {
  if (err instanceof DomainError) {
    console.error(`error: ${err.message}`);
    const problems = (err.details?.problems ?? []) as Array<{ message: string }>;
    for (const p of problems) console.error(`  ${p.message}`);
  } else if (err instanceof ConfigError || err instanceof DatabaseUnavailableError || err instanceof UsageError) {
    console.error(`error: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
