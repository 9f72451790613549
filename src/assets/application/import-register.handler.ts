import { createHash } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidV7 } from '../../common/ids/uuid-v7.js';
import { formatYuan } from '../../common/money/money.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { EventStore, StreamCommands } from '../../event-log/index.js';
import { ASSET_CATEGORIES, categoryCode } from '../domain/asset-category.js';
import type { AssetCatalogFacts } from '../domain/asset.commands.js';
import { formatAssetNo } from '../domain/asset-number.js';
import { yearOf } from '../domain/asset-rules.js';
import { combine, type Figure, figureOf, figureView, totalOf } from '../domain/category-figures.js';
import { type ImportedCardInput, readRegisterRows, unitValueOf } from '../domain/register-import.js';
import { type AssetsImported, IMPORT_BATCH_SIZE, type ImportedCard, registerImportEvents } from '../domain/register-import.events.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { importStreamId } from '../infrastructure/streams.js';
import { AssetCatalog } from './asset-catalog.js';
import { Clock } from './clock.js';
import { ImportRegisterCommand, type RegisterImportView } from './import-register.command.js';
import { invalidRows } from './invalid-rows.js';
import { readRegisterFile } from './register-file.js';

/**
 * Migrates an existing card register. Every cell is checked before anything is written, and
 * every bad one is reported (row and column); numbers taken in the file or by the register are
 * refused. The cards go to the log as AssetsImported events of at most 1,000 cards on a stream
 * named by the file's content hash, all in one transaction: the same file again finds its
 * stream and writes nothing.
 */
@CommandHandler(ImportRegisterCommand)
export class ImportRegisterHandler implements ICommandHandler<ImportRegisterCommand, RegisterImportView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly store: EventStore,
    private readonly assets: AssetRepository,
    private readonly catalog: AssetCatalog,
    private readonly clock: Clock,
  ) {}

  async execute({ department, content, dryRun, context, progress }: ImportRegisterCommand): Promise<RegisterImportView> {
    const contentHash = createHash('sha256').update(content).digest('hex');
    const file = await readRegisterFile(content);
    const facts = new Map<string, AssetCatalogFacts | null>();
    const catalog = (code: string) => {
      if (!facts.has(code)) facts.set(code, this.catalog.facts(code));
      return facts.get(code)!;
    };
    const { cards, problems } = readRegisterRows(file.rows, file.header, catalog, await this.clock.today());

    return this.runner.run(context, async (tx) => {
      const streamId = importStreamId(department, contentHash);
      const view = (alreadyImported: boolean, numbersGenerated: number, events: number) =>
        importView(department, dryRun, contentHash, alreadyImported, cards, numbersGenerated, events);
      if ((await this.store.streamVersion(tx.manager, streamId)) !== null) return view(true, 0, 0);

      const given = cards.filter((c) => c.assetNo !== null);
      const taken = await this.assets.takenAssetNos(
        tx.manager,
        department,
        given.map((c) => c.assetNo!),
      );
      for (const card of given) {
        if (taken.has(card.assetNo!)) {
          problems.push({
            row: card.row,
            column: file.header('assetNo'),
            code: 'ASSET.NUMBER_TAKEN',
            message: `row ${card.row}, ${file.header('assetNo')}: ${card.assetNo} is already a card's number in department ${department}`,
          });
        }
      }
      if (problems.length > 0) throw invalidRows(problems);
      const toNumber = cards.length - given.length;
      if (dryRun) return view(false, toNumber, Math.ceil(cards.length / IMPORT_BATCH_SIZE));

      const numbers = await this.numbers(tx.manager, department, cards);
      const batches = Math.ceil(cards.length / IMPORT_BATCH_SIZE);
      const events: AssetsImported[] = [];
      for (let b = 0; b < batches; b++) {
        const slice = cards.slice(b * IMPORT_BATCH_SIZE, (b + 1) * IMPORT_BATCH_SIZE);
        events.push({
          type: 'AssetsImported',
          data: { contentHash, batch: b + 1, batches, cards: slice.map((card) => importedCard(card, numbers.get(card.row)!)) },
        });
      }
      // Batch by batch, so the progress bar moves (with the appends: the cards are projected after
      // the last, in one run); one transaction all the same.
      await this.streams.startInParts(tx, streamId, { department, budgetYear: null }, registerImportEvents, events, (written) =>
        progress?.(Math.min(written * IMPORT_BATCH_SIZE, cards.length), cards.length),
      );
      await this.assets.analyze(tx.manager);
      return view(false, toNumber, events.length);
    });
  }

  /** The number of every card by row: given, or the department's next ones of its acquisition year. */
  private async numbers(
    tx: import('typeorm').EntityManager,
    department: string,
    cards: readonly ImportedCardInput[],
  ): Promise<Map<number, string>> {
    const numbers = new Map<number, string>();
    const byYear = new Map<number, ImportedCardInput[]>();
    for (const card of cards) {
      if (card.assetNo !== null) numbers.set(card.row, card.assetNo);
      else {
        // Pushed, not copied: a spread per card made a million unnumbered cards quadratic.
        const year = yearOf(card.acquiredOn);
        const list = byYear.get(year);
        if (list) list.push(card);
        else byYear.set(year, [card]);
      }
    }
    for (const [year, unnumbered] of byYear) {
      const first = await this.assets.reserveAssetNos(tx, department, year, unnumbered.length);
      unnumbered.forEach((card, i) => numbers.set(card.row, formatAssetNo(department, year, first + i)));
    }
    return numbers;
  }
}

function importedCard(card: ImportedCardInput, assetNo: string): ImportedCard {
  return {
    assetId: uuidV7(),
    assetNo,
    row: card.row,
    name: card.name,
    catalogCode: card.catalog.code,
    catalogName: card.catalog.name,
    category: card.category,
    categoryCode: categoryCode(card.category),
    quantity: card.quantity.toString(),
    unit: card.unit,
    originalValue: formatYuan(card.originalValue),
    unitValue: formatYuan(unitValueOf(card)),
    acquiredOn: card.acquiredOn,
    source: card.source,
    location: card.location,
    custodian: card.custodian,
    funding: card.fundingSource ? { [card.fundingSource]: formatYuan(card.originalValue) } : {},
    brand: card.brand,
    model: card.model,
    usingDepartment: card.usingDepartment,
    financeEntryDate: card.financeEntryDate,
    voucherNo: card.voucherNo,
    usage: card.usage,
    accumulatedDepreciation: card.accumulatedDepreciation === null ? null : formatYuan(card.accumulatedDepreciation),
  };
}

function importView(
  department: string,
  dryRun: boolean,
  contentHash: string,
  alreadyImported: boolean,
  cards: readonly ImportedCardInput[],
  numbersGenerated: number,
  events: number,
): RegisterImportView {
  const sums = new Map<ImportedCardInput['category'], Figure>();
  for (const card of cards) {
    const f = sums.get(card.category) ?? { count: 0n, value: 0n };
    sums.set(card.category, { count: f.count + card.quantity, value: f.value + card.originalValue });
  }
  const figures = combine([{ figures: sums, sign: 1 }]);
  return {
    department,
    dryRun,
    contentHash,
    alreadyImported,
    cards: alreadyImported ? 0 : cards.length,
    numbersGenerated,
    events,
    categories: ASSET_CATEGORIES.map(({ category, code }) => ({
      category,
      categoryCode: code,
      ...figureView(figureOf(figures, category)),
    })),
    total: figureView(totalOf(figures)),
  };
}
