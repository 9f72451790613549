import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { yuanToFen } from '../../common/money/money.js';
import type { Projection, StoredEvent } from '../../event-log/index.js';
import { declarationEvents } from '../domain/declarations.events.js';

/** Declared figures: opening holdings by date and ledger balances by year, each replaced as a whole. */
@Injectable()
export class HoldingsProjection implements Projection {
  readonly name = 'asset-declarations';
  readonly tables = ['asset_opening_holdings', 'asset_ledger_balances'] as const;

  async apply(tx: EntityManager, event: StoredEvent): Promise<void> {
    const e = declarationEvents.decodeIfOurs(event);
    if (e?.type === 'OpeningHoldingsDeclared') {
      const d = e.data;
      await tx.query(`DELETE FROM asset_opening_holdings WHERE department = $1 AND as_of = $2`, [event.department, d.asOf]);
      await tx.query(
        `INSERT INTO asset_opening_holdings (department, as_of, category, count, value_fen)
         SELECT $1, $2::date, c.category, c.count, c.value_fen FROM unnest($3::text[], $4::bigint[], $5::bigint[]) AS c(category, count, value_fen)`,
        [
          event.department,
          d.asOf,
          d.categories.map((c) => c.category),
          d.categories.map((c) => String(c.count)),
          d.categories.map((c) => yuanToFen(c.value).toString()),
        ],
      );
      return;
    }
    if (e?.type === 'OpeningHoldingsWithdrawn') {
      await tx.query(`DELETE FROM asset_opening_holdings WHERE department = $1 AND as_of = $2`, [event.department, e.data.asOf]);
      return;
    }
    if (e?.type === 'LedgerBalancesWithdrawn') {
      await tx.query(`DELETE FROM asset_ledger_balances WHERE department = $1 AND budget_year = $2`, [event.department, e.data.year]);
      return;
    }
    if (e?.type === 'LedgerBalancesDeclared') {
      const d = e.data;
      await tx.query(`DELETE FROM asset_ledger_balances WHERE department = $1 AND budget_year = $2`, [event.department, d.year]);
      await tx.query(
        `INSERT INTO asset_ledger_balances (department, budget_year, category, value_fen)
         SELECT $1, $2::int, c.category, c.value_fen FROM unnest($3::text[], $4::bigint[]) AS c(category, value_fen)`,
        [event.department, d.year, d.categories.map((c) => c.category), d.categories.map((c) => yuanToFen(c.value).toString())],
      );
    }
  }
}
