import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { yuanToFen } from '../../common/money/money.js';
import type { Projection, StoredEvent } from '../../event-log/index.js';
import { stocktakeEvents } from '../domain/stocktake.events.js';

/** A card counted again: the latest count wins (the decision wrote only cards of the scope). */
const LATEST_COUNT = `ON CONFLICT (stocktake_id, asset_id) DO UPDATE SET found = EXCLUDED.found, found_quantity = EXCLUDED.found_quantity,
  note = EXCLUDED.note`;

/**
 * Stocktakes with the reference to their scope (or the cards listed before v2), the counted
 * cards, surplus items and, once closed, the result.
 */
@Injectable()
export class StocktakeProjection implements Projection {
  readonly name = 'stocktakes';
  readonly tables = ['stocktakes', 'stocktake_items', 'stocktake_counts', 'stocktake_surpluses', 'stocktake_category_counts'] as const;

  async apply(tx: EntityManager, event: StoredEvent): Promise<void> {
    const e = stocktakeEvents.decodeIfOurs(event);
    if (!e) return;
    const id = e.data.stocktakeId;
    if (e.type === 'StocktakeOpened') {
      const d = e.data;
      const snapshot = 'snapshot' in d.scope ? d.scope.snapshot : null;
      await tx.query(
        `INSERT INTO stocktakes (stocktake_id, department, budget_year, as_of, status, version, opened_position, opened_at, book_count,
           book_value_fen, scope_snapshot, scope_cards)
         VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          event.department,
          event.budgetYear,
          d.asOf,
          event.streamVersion,
          event.position,
          event.recordedAt.toISOString(),
          d.book.count,
          yuanToFen(d.book.value).toString(),
          snapshot,
          d.cards,
        ],
      );
      // By reference, the scope is read from asset_cards through the snapshot (StocktakeRepository):
      // opening over a million cards writes this one row. Only a stocktake opened before v2 lists
      // its cards, and keeps them.
      if (snapshot !== null) return;
      const cards = 'cards' in d.scope ? d.scope.cards : [];
      await tx.query(
        `INSERT INTO stocktake_items (stocktake_id, asset_id, asset_no, category, quantity, value_fen)
         SELECT $1, i.asset_id, COALESCE(c.asset_no, i.asset_id::text), i.category, i.quantity, i.value_fen
         FROM unnest($2::uuid[], $3::text[], $4::bigint[], $5::bigint[]) AS i(asset_id, category, quantity, value_fen)
         LEFT JOIN asset_cards c ON c.asset_id = i.asset_id`,
        [
          id,
          cards.map((i) => i.assetId),
          cards.map((i) => i.category),
          cards.map((i) => i.quantity),
          cards.map((i) => yuanToFen(i.value).toString()),
        ],
      );
      return;
    }
    // The stocktake's version moves with every event; a count is one statement for both rows,
    // since a bulk count appends thousands of events in one request.
    const bump = `WITH bumped AS (UPDATE stocktakes SET version = $2 WHERE stocktake_id = $1)`;
    switch (e.type) {
      case 'AssetCounted':
        await tx.query(
          `${bump} INSERT INTO stocktake_counts (stocktake_id, asset_id, found, found_quantity, note) VALUES ($1, $3, $4, $5, $6)
           ${LATEST_COUNT}`,
          [id, event.streamVersion, e.data.assetId, e.data.found, e.data.quantity, e.data.note],
        );
        return;
      case 'AssetsCounted': {
        const c = e.data.counts;
        await tx.query(
          `${bump} INSERT INTO stocktake_counts (stocktake_id, asset_id, found, found_quantity, note)
           SELECT $1, u.asset_id, u.found, u.quantity, u.note
           FROM unnest($3::uuid[], $4::boolean[], $5::bigint[], $6::text[]) AS u(asset_id, found, quantity, note)
           ${LATEST_COUNT}`,
          [id, event.streamVersion, c.map((x) => x.assetId), c.map((x) => x.found), c.map((x) => x.quantity), c.map((x) => x.note)],
        );
        return;
      }
      case 'SurplusAssetFound': {
        const d = e.data;
        await tx.query(
          `${bump} INSERT INTO stocktake_surpluses (stocktake_id, item_id, name, catalog_code, category, quantity, estimated_value_fen, note)
           VALUES ($1, $3, $4, $5, $6, $7, $8, $9)`,
          [
            id,
            event.streamVersion,
            d.itemId,
            d.name,
            d.catalogCode,
            d.category,
            d.quantity,
            yuanToFen(d.estimatedValue).toString(),
            d.note,
          ],
        );
        return;
      }
      case 'UncardedCounted': {
        const d = e.data;
        await tx.query(
          `${bump} INSERT INTO stocktake_category_counts (stocktake_id, category, count, value_fen, note) VALUES ($1, $3, $4, $5, $6)
           ON CONFLICT (stocktake_id, category) DO UPDATE SET count = EXCLUDED.count, value_fen = EXCLUDED.value_fen, note = EXCLUDED.note`,
          [id, event.streamVersion, d.category, d.count, yuanToFen(d.value).toString(), d.note],
        );
        return;
      }
      case 'StocktakeClosed':
        await tx.query(
          `UPDATE stocktakes SET version = $2, status = 'closed', closed_on = $3, closed_position = $4, result = $5::jsonb WHERE stocktake_id = $1`,
          [id, event.streamVersion, e.data.closedOn, event.position, JSON.stringify(e.data)],
        );
        return;
    }
  }
}
