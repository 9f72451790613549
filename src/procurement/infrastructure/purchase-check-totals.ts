import { FUNDING_SOURCES } from '../../common/funding/funding.js';
import type { PurchaseEvent } from '../domain/purchase.events.js';

/**
 * The purchase events that can change what cross-checks sum (a plan, an amendment, a
 * cancellation). Their projection takes the department-year lock in its own statement
 * (purchase.projection.ts), so the cross-checks reactor, which evaluates after it in the same
 * transaction, needs no lock statement of its own for them. Contracts and acceptances leave the
 * planned amounts alone: they take no lock and change no totals.
 */
export const PURCHASE_EVENTS_PROJECTED_UNDER_LOCK: ReadonlySet<string> = new Set<PurchaseEvent['type']>([
  'PurchasePlanned',
  'PurchaseAmended',
  'PurchaseCancelled',
]);

/**
 * A live row that looks typed in 万元: goods at a unit price under 100.00 元 with a fraction. The
 * one definition of a suspect, for the totals kept here and the scan that lists their purchases.
 */
export const SUSPECT_UNIT_PRICE = `procurement_type = 'goods' AND unit_price_fen > 0 AND unit_price_fen < 10000 AND unit_price_fen % 100 <> 0`;

const SOURCE_COLUMNS = FUNDING_SOURCES.map((s) => `${s}_fen`);
// Funding parts are 元 strings in the row's jsonb, converted exactly (numeric) to fen.
const sourceFen = (s: string) => `coalesce(round((funding->>'${s}')::numeric * 100), 0)::bigint`;

/**
 * The tail of the projection's statement, after its CTEs `old` (the purchase row before, if any)
 * and `new` (the row after): the difference of the two, as -1/+1 of each live row, grouped like
 * the rules group (purchase-check-groups.ts), added to purchase_check_totals. Rows in key order,
 * so two transactions changing the same totals rows lock them in the same order. A difference of
 * nothing (a contract, an acceptance) writes no row and locks none.
 */
export const CHECK_TOTALS_CHANGE = `
  , changed AS (
    SELECT -1 AS n, * FROM old WHERE status <> 'cancelled'
    UNION ALL SELECT 1, * FROM new WHERE status <> 'cancelled'),
  difference AS (
    SELECT department, budget_year, 'group' AS kind, project_code, procurement_type, economic_code, capitalizable,
           NULL::text AS catalog_code, NULL::bigint AS unit_price_fen, sum(n)::int AS count, sum(n * amount_fen)::bigint AS amount_fen,
           ${FUNDING_SOURCES.map((s) => `sum(n * ${sourceFen(s)})::bigint AS ${s}_fen`).join(', ')}
    FROM changed GROUP BY department, budget_year, project_code, procurement_type, economic_code, capitalizable
    UNION ALL
    SELECT department, budget_year, 'suspect', project_code, NULL, NULL, NULL, catalog_code, unit_price_fen, sum(n)::int, 0,
           ${FUNDING_SOURCES.map(() => '0').join(', ')}
    FROM changed
    WHERE ${SUSPECT_UNIT_PRICE}
    GROUP BY department, budget_year, catalog_code, project_code, unit_price_fen)
  INSERT INTO purchase_check_totals AS t (department, budget_year, kind, project_code, procurement_type, economic_code,
    capitalizable, catalog_code, unit_price_fen, count, amount_fen, ${SOURCE_COLUMNS.join(', ')})
  SELECT * FROM difference
  WHERE count <> 0 OR amount_fen <> 0 OR ${SOURCE_COLUMNS.map((c) => `${c} <> 0`).join(' OR ')}
  ORDER BY kind, project_code, procurement_type, economic_code, capitalizable, catalog_code, unit_price_fen
  ON CONFLICT (department, budget_year, kind, project_code, procurement_type, economic_code, capitalizable, catalog_code,
               unit_price_fen)
  DO UPDATE SET count = t.count + EXCLUDED.count, amount_fen = t.amount_fen + EXCLUDED.amount_fen,
    ${SOURCE_COLUMNS.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`;

/**
 * The department-year's totals ($1 department, $2 year) in the shape of the groups' statement
 * (PurchaseCheckGroupRow): what an evaluation reads, one index range of at most a row per group.
 */
export const CHECK_TOTALS_ROWS = `
  SELECT kind, project_code, procurement_type, economic_code, capitalizable, count,
         CASE WHEN kind = 'group' THEN amount_fen::text END AS amount, catalog_code, unit_price_fen::text AS unit_price,
         ${FUNDING_SOURCES.map((s) => `CASE WHEN kind = 'group' THEN ${s}_fen::text END AS "${s}"`).join(', ')},
         NULL::text[] AS purchase_ids
  FROM purchase_check_totals WHERE department = $1 AND budget_year = $2 AND count > 0
  ORDER BY kind, project_code, procurement_type, economic_code, capitalizable, catalog_code, unit_price_fen`;
