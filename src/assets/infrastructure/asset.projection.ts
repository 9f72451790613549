import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { yuanToFen } from '../../common/money/money.js';
import { statementSent } from '../../database/sql.js';
import type { Projection, StoredEvent } from '../../event-log/index.js';
import { purchaseEvents } from '../../procurement/index.js';
import { minimumUsefulLifeMonths } from '../data/useful-lives.js';
import type { AssetCategoryName } from '../domain/asset-category.js';
import { parseGeneratedAssetNo } from '../domain/asset-number.js';
import { usefulLifeMonthsFor } from '../domain/depreciation.js';
import { type AssetEvent, assetEvents } from '../domain/asset.events.js';
import { type AssetsImported, registerImportEvents } from '../domain/register-import.events.js';

/**
 * A day's acquisitions and disposals of a category add up; both sides of the row are kept, in
 * items (count), cards and value: a stocktake's opening sums its scope's size and book from here.
 */
const ADD_TO_DAY = `ON CONFLICT (department, day, category) DO UPDATE SET
  acquired_cards = asset_category_days.acquired_cards + EXCLUDED.acquired_cards,
  disposed_cards = asset_category_days.disposed_cards + EXCLUDED.disposed_cards,
  acquired_count = asset_category_days.acquired_count + EXCLUDED.acquired_count,
  acquired_value_fen = asset_category_days.acquired_value_fen + EXCLUDED.acquired_value_fen,
  disposed_count = asset_category_days.disposed_count + EXCLUDED.disposed_count,
  disposed_value_fen = asset_category_days.disposed_value_fen + EXCLUDED.disposed_value_fen`;

/**
 * Asset cards (one row per asset-<id> stream) and the acceptances of purchases (the units the
 * register is to card). Each event touches only rows of its own stream, so a rebuild in position
 * order writes the same rows as the live appends did.
 */
@Injectable()
export class AssetProjection implements Projection {
  readonly name = 'assets';
  readonly tables = ['asset_cards', 'asset_purchase_acceptances', 'asset_number_sequences', 'asset_category_days'] as const;

  async apply(tx: EntityManager, event: StoredEvent): Promise<void> {
    // Only the acceptances: the rest of a purchase's stream is none of the register's business.
    const accepted = event.type === 'PurchaseAccepted' ? purchaseEvents.decode(event) : undefined;
    if (accepted?.type === 'PurchaseAccepted') {
      const d = accepted.data;
      await tx.query(
        `INSERT INTO asset_purchase_acceptances (acceptance_id, purchase_id, department, quantity, amount_fen, accepted_on, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [d.acceptanceId, d.purchaseId, event.department, d.quantity, yuanToFen(d.amount).toString(), d.acceptedOn, event.position],
      );
      return;
    }
    if (registerImportEvents.handles(event.type)) return this.imported(tx, [event]);
    const e = assetEvents.decodeIfOurs(event);
    if (!e) return;
    switch (e.type) {
      case 'AssetRegistered':
        await this.registered(tx, [cardRow(event, e.data)]);
        return;
      case 'AssetDetailsChanged': {
        const c = e.data.changes;
        const set = (field: keyof typeof c) => c[field] !== undefined;
        await tx.query(
          `UPDATE asset_cards SET
             name = CASE WHEN $3 THEN $4 ELSE name END,
             unit = CASE WHEN $5 THEN $6 ELSE unit END,
             brand = CASE WHEN $7 THEN $8 ELSE brand END,
             model = CASE WHEN $9 THEN $10 ELSE model END,
             using_department = CASE WHEN $11 THEN $12 ELSE using_department END,
             finance_entry_date = CASE WHEN $13 THEN $14::date ELSE finance_entry_date END,
             voucher_no = CASE WHEN $15 THEN $16 ELSE voucher_no END,
             usage = CASE WHEN $17 THEN $18 ELSE usage END,
             version = $2, updated_at = $19
           WHERE asset_id = $1`,
          [
            e.data.assetId,
            event.streamVersion,
            set('name'),
            c.name?.to ?? null,
            set('unit'),
            c.unit?.to ?? null,
            set('brand'),
            c.brand?.to ?? null,
            set('model'),
            c.model?.to ?? null,
            set('usingDepartment'),
            c.usingDepartment?.to ?? null,
            set('financeEntryDate'),
            c.financeEntryDate?.to ?? null,
            set('voucherNo'),
            c.voucherNo?.to ?? null,
            set('usage'),
            c.usage?.to ?? null,
            event.recordedAt.toISOString(),
          ],
        );
        return;
      }
      case 'AssetMoved': {
        const { location, custodian } = e.data.changes;
        await tx.query(
          `UPDATE asset_cards SET
             location = CASE WHEN $3 THEN $4 ELSE location END,
             custodian = CASE WHEN $5 THEN $6 ELSE custodian END,
             version = $2, updated_at = $7
           WHERE asset_id = $1`,
          [
            e.data.assetId,
            event.streamVersion,
            location !== undefined,
            location?.to ?? null,
            custodian !== undefined,
            custodian?.to ?? null,
            event.recordedAt.toISOString(),
          ],
        );
        return;
      }
      case 'AssetDisposed':
        await tx.query(
          `WITH card AS (
             UPDATE asset_cards SET status = 'disposed', disposed_on = $3, disposal_method = $4, disposal_reason = $5,
               version = $2, updated_at = $6, disposed_xid = $7::xid8
             WHERE asset_id = $1 RETURNING department, category)
           INSERT INTO asset_category_days (department, category, day, disposed_cards, disposed_count, disposed_value_fen)
           SELECT department, category, $3::date, 1, $8::bigint, $9::bigint FROM card
           ${ADD_TO_DAY}`,
          [
            e.data.assetId,
            event.streamVersion,
            e.data.disposedOn,
            e.data.method,
            e.data.reason,
            event.recordedAt.toISOString(),
            event.transactionId,
            e.data.quantity,
            yuanToFen(e.data.value).toString(),
          ],
        );
        return;
    }
  }

  /**
   * A run of AssetRegistered (an acceptance's cards, or a rebuild's replay of them) in one
   * statement, the same one `apply` runs for a single card: the rows cannot differ between paths.
   */
  async applyBatch(tx: EntityManager, events: readonly StoredEvent[]): Promise<boolean> {
    if (registerImportEvents.handles(events[0].type)) {
      await this.imported(tx, events);
      return true;
    }
    if (events[0].type !== 'AssetRegistered') return false;
    const rows = events.map((event) => {
      const e = assetEvents.decode(event);
      if (e.type !== 'AssetRegistered') throw new Error(`${event.eventId} is not an AssetRegistered`);
      return cardRow(event, e.data);
    });
    await this.registered(tx, rows);
    return true;
  }

  /**
   * The cards, their days' acquisitions (summed per department, day and category) and the number
   * sequences their generated numbers move, in one statement. The rows travel as one JSON
   * document (decoded and upcast by the codec, money already in fen), not as one array per column.
   */
  private async registered(tx: EntityManager, rows: readonly CardRow[]): Promise<void> {
    await tx.query(
      `WITH c AS MATERIALIZED (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(asset_id uuid, department text, budget_year int, version int, name text,
           catalog_code text, catalog_name text, category text, quantity bigint, unit text, value_fen bigint, unit_value_fen bigint,
           acquired_on date, source text, location text, custodian text, funding jsonb, economic_code text, purchase_id uuid,
           acceptance_id uuid, acceptance_sequence int, registered_at timestamptz, asset_no text, brand text, model text,
           using_department text, finance_entry_date date, voucher_no text, usage text, registered_xid text, useful_life_months int,
           number_year int, number_sequence int)),
       carded AS (
         INSERT INTO asset_cards (asset_id, department, budget_year, version, name, catalog_code, catalog_name, category, quantity,
           unit, value_fen, unit_value_fen, acquired_on, source, location, custodian, funding, economic_code, purchase_id,
           acceptance_id, acceptance_sequence, status, registered_at, updated_at, asset_no, brand, model, using_department,
           finance_entry_date, voucher_no, usage, registered_xid, useful_life_months)
         SELECT asset_id, department, budget_year, version, name, catalog_code, catalog_name, category, quantity,
           unit, value_fen, unit_value_fen, acquired_on, source, location, custodian, funding, economic_code, purchase_id,
           acceptance_id, acceptance_sequence, 'in_use', registered_at, registered_at, asset_no, brand, model, using_department,
           finance_entry_date, voucher_no, usage, registered_xid::xid8, useful_life_months
         FROM c),
       days AS (
         INSERT INTO asset_category_days (department, category, day, acquired_cards, acquired_count, acquired_value_fen)
         SELECT department, category, acquired_on, count(*), sum(quantity), sum(value_fen) FROM c GROUP BY 1, 2, 3
         ${ADD_TO_DAY})
       -- A number in the generated form moves its department-year's sequence past it, whoever gave
       -- it, so the next generated number never collides; a rebuild re-derives the sequences.
       INSERT INTO asset_number_sequences (department, year, last)
       SELECT department, number_year, max(number_sequence) FROM c WHERE number_year IS NOT NULL GROUP BY 1, 2
       ON CONFLICT (department, year) DO UPDATE SET last = GREATEST(asset_number_sequences.last, EXCLUDED.last)`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * A run of AssetsImported (a whole register import, appended in parts, or a rebuild's cut of
   * it): one statement per batch of up to 1,000 cards, then the run's day totals and number
   * sequences in one statement each. Upserted per batch, a day's row was updated once per batch
   * in one transaction, and each upsert walked every version the transaction had left of it:
   * quadratic, 57 ms of a late batch's 154 ms at 200,000 cards. Sums and maxima are the same
   * whatever the cut, so a rebuild writes the same rows.
   */
  private async imported(tx: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const days = new Map<string, { category: string; day: string; cards: number; count: bigint; value: bigint }>();
    const sequences = new Map<number, number>();
    const department = events[0].department;
    const decode = (event: StoredEvent) => {
      if (event.department !== department) throw new Error(`${event.eventId} is not of department ${department}`);
      const e: AssetsImported = registerImportEvents.decode(event);
      return { cards: e.data.cards, lives: e.data.cards.map(usefulLife) };
    };
    let next = decode(events[0]);
    for (let k = 0; k < events.length; k++) {
      const event = events[k];
      const { cards, lives } = next;
      const written = tx.query(IMPORTED_CARDS, [
        event.department,
        event.position,
        event.recordedAt.toISOString(),
        event.transactionId,
        lives,
      ]);
      // Awaited below; caught here too so that a throw in between leaves no rejection unheard.
      written.catch(() => undefined);
      // The sums and the next batch's decoding while the database writes this one.
      await statementSent();
      for (const card of cards) {
        const key = `${card.category}|${card.acquiredOn}`;
        const day = days.get(key) ?? { category: card.category, day: card.acquiredOn, cards: 0, count: 0n, value: 0n };
        day.cards += 1;
        day.count += BigInt(card.quantity);
        day.value += yuanToFen(card.originalValue);
        days.set(key, day);
        // Numbers of the generated form move their sequences past them, as a card registered by hand does.
        const number = parseGeneratedAssetNo(department, card.assetNo);
        if (number) sequences.set(number.year, Math.max(sequences.get(number.year) ?? 0, number.sequence));
      }
      if (k + 1 < events.length) next = decode(events[k + 1]);
      await written;
    }
    const d = [...days.values()];
    await tx.query(
      `INSERT INTO asset_category_days (department, category, day, acquired_cards, acquired_count, acquired_value_fen)
       SELECT $1, * FROM unnest($2::text[], $3::date[], $4::bigint[], $5::bigint[], $6::bigint[])
       ${ADD_TO_DAY}`,
      [
        department,
        d.map((r) => r.category),
        d.map((r) => r.day),
        d.map((r) => r.cards),
        d.map((r) => r.count.toString()),
        d.map((r) => r.value.toString()),
      ],
    );
    if (sequences.size > 0) {
      await tx.query(
        `INSERT INTO asset_number_sequences (department, year, last)
         SELECT $1, * FROM unnest($2::int[], $3::int[])
         ON CONFLICT (department, year) DO UPDATE SET last = GREATEST(asset_number_sequences.last, EXCLUDED.last)`,
        [department, [...sequences.keys()], [...sequences.values()]],
      );
    }
  }
}

/**
 * One batch's cards, read out of the event's own JSON in the database (money as exact numeric),
 * as the log stores it: this event's row, inserted earlier in this transaction, or replayed by a
 * rebuild. Sound while AssetsImported has one version; a v2 would need its upcast mirrored here.
 * The card keeps the event's position and its ordinal in it, not a copy of itself.
 */
const IMPORTED_CARDS = `
  INSERT INTO asset_cards (asset_id, department, budget_year, version, name, catalog_code, catalog_name, category, quantity,
    unit, value_fen, unit_value_fen, acquired_on, source, location, custodian, funding, economic_code, purchase_id,
    acceptance_id, acceptance_sequence, status, registered_at, updated_at, asset_no, brand, model, using_department,
    finance_entry_date, voucher_no, usage, accumulated_depreciation_fen, imported_position, imported_ordinal, registered_xid,
    useful_life_months)
  SELECT (c->>'assetId')::uuid, $1, extract(year FROM (c->>'acquiredOn')::date)::int, 0, c->>'name', c->>'catalogCode',
    c->>'catalogName', c->>'category', (c->>'quantity')::bigint, c->>'unit', ((c->>'originalValue')::numeric * 100)::bigint,
    ((c->>'unitValue')::numeric * 100)::bigint, (c->>'acquiredOn')::date, c->>'source', c->>'location', c->>'custodian',
    c->'funding', NULL, NULL, NULL, NULL, 'in_use', $3, $3, c->>'assetNo', c->>'brand', c->>'model', c->>'usingDepartment',
    (c->>'financeEntryDate')::date, c->>'voucherNo', c->>'usage', ((c->>'accumulatedDepreciation')::numeric * 100)::bigint,
    ev.global_position, t.i, $4::xid8, ($5::integer[])[t.i]
  FROM events ev, jsonb_array_elements(ev.data->'cards') WITH ORDINALITY AS t(c, i)
  WHERE ev.global_position = $2`;

type AssetRegistered = Extract<AssetEvent, { type: 'AssetRegistered' }>;
type CardRow = ReturnType<typeof cardRow>;

/** The asset_cards row of a registration, and the number sequence it moves (none for a number of another form). */
function cardRow(event: StoredEvent, d: AssetRegistered['data']) {
  const number = parseGeneratedAssetNo(event.department, d.assetNo);
  return {
    asset_id: d.assetId,
    department: event.department,
    budget_year: event.budgetYear,
    version: event.streamVersion,
    name: d.name,
    catalog_code: d.catalogCode,
    catalog_name: d.catalogName,
    category: d.category,
    quantity: d.quantity,
    unit: d.unit,
    value_fen: yuanToFen(d.originalValue).toString(),
    unit_value_fen: yuanToFen(d.unitValue).toString(),
    acquired_on: d.acquiredOn,
    source: d.source,
    location: d.location,
    custodian: d.custodian,
    funding: d.funding,
    economic_code: d.economicCode,
    purchase_id: d.purchaseId,
    acceptance_id: d.acceptanceId,
    acceptance_sequence: d.acceptanceSequence,
    registered_at: event.recordedAt.toISOString(),
    asset_no: d.assetNo,
    brand: d.brand,
    model: d.model,
    using_department: d.usingDepartment,
    finance_entry_date: d.financeEntryDate,
    voucher_no: d.voucherNo,
    usage: d.usage,
    registered_xid: event.transactionId,
    useful_life_months: usefulLife(d),
    number_year: number?.year ?? null,
    number_sequence: number?.sequence ?? null,
  };
}

/** The card's effective life (null: not depreciated), kept beside the card so posting is one SQL sum. */
function usefulLife(card: {
  category: AssetCategoryName;
  catalogCode: string;
  quantity: string;
  originalValue: string;
  usefulLifeMonths?: number | null;
}): number | null {
  return usefulLifeMonthsFor(
    { quantity: BigInt(card.quantity), originalValue: yuanToFen(card.originalValue), usefulLifeMonths: card.usefulLifeMonths },
    minimumUsefulLifeMonths(card.category, card.catalogCode),
  );
}
