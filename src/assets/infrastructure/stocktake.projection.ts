import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { yuanToFen } from '../../common/money/money.js';
import type { Projection, StoredEvent } from '../../event-log/index.js';
import { stocktakeEvents } from '../domain/stocktake.events.js';

/** Stocktakes with their scope, latest counts, surplus items and, once closed, the result. */
@Injectable()
export class StocktakeProjection implements Projection {
  readonly name = 'stocktakes';
  readonly tables = ['stocktakes', 'stocktake_items', 'stocktake_surpluses', 'stocktake_category_counts'] as const;

  async apply(tx: EntityManager, event: StoredEvent): Promise<void> {
    const e = stocktakeEvents.decodeIfOurs(event);
    if (!e) return;
    const id = e.data.stocktakeId;
    if (e.type === 'StocktakeOpened') {
      const d = e.data;
      const snapshot = 'snapshot' in d.scope ? d.scope.snapshot : null;
      await tx.query(
        `INSERT INTO stocktakes (stocktake_id, department, budget_year, as_of, status, version, opened_position, opened_at, book_count,
           book_value_fen, scope_snapshot)
         VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $9, $10)`,
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
        ],
      );
      if (snapshot !== null) {
        // The cards the opening statement saw (see StocktakeOpened v2), in one statement; a card
        // whose registration or disposal was still uncommitted then is judged as it stood.
        await tx.query(
          `INSERT INTO stocktake_items (stocktake_id, asset_id, asset_no, category, quantity, value_fen)
           SELECT $1, asset_id, asset_no, category, quantity, value_fen FROM asset_cards
           WHERE department = $2 AND acquired_on <= $3
             AND (registered_xid IS NULL OR pg_visible_in_snapshot(registered_xid, $4::pg_snapshot))
             AND (disposed_on IS NULL OR disposed_on > $3
                  OR (disposed_xid IS NOT NULL AND NOT pg_visible_in_snapshot(disposed_xid, $4::pg_snapshot)))`,
          [id, event.department, d.asOf, snapshot],
        );
        return;
      }
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
          `${bump} UPDATE stocktake_items SET found = $4, found_quantity = $5, note = $6 WHERE stocktake_id = $1 AND asset_id = $3`,
          [id, event.streamVersion, e.data.assetId, e.data.found, e.data.quantity, e.data.note],
        );
        return;
      case 'AssetsCounted': {
        const c = e.data.counts;
        await tx.query(
          `${bump} UPDATE stocktake_items i SET found = u.found, found_quantity = u.quantity, note = u.note
           FROM unnest($3::uuid[], $4::boolean[], $5::bigint[], $6::text[]) AS u(asset_id, found, quantity, note)
           WHERE i.stocktake_id = $1 AND i.asset_id = u.asset_id`,
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
