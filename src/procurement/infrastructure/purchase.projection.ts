import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CapitalizationThresholds, Catalog, Classifier } from '../../catalog/index.js';
import { yuanToFen } from '../../common/money/money.js';
import { departmentYearLockSql } from '../../database/department-year-lock.js';
import { prepared } from '../../database/sql.js';
import { EventStore, type Projection, type StoredEvent } from '../../event-log/index.js';
import { foldPurchase } from '../domain/evolve.js';
import { purchaseEvents } from '../domain/purchase.events.js';
import { summarizePurchase } from '../domain/purchase.summary.js';
import { CHECK_TOTALS_CHANGE, PURCHASE_EVENTS_PROJECTED_UNDER_LOCK } from './purchase-check-totals.js';
import { isPurchaseStream } from './purchase-stream.js';

/**
 * One row per purchase, holding its summary as of the event, and the department-year's check
 * totals changed by the difference between the row before and after (purchase-check-totals.ts).
 * It folds the stream up to the
 * event's version (streams are short), so a rebuild replaying in position order produces the
 * very same rows as the live appends did.
 */
@Injectable()
export class PurchaseProjection implements Projection {
  readonly name = 'purchases';
  readonly tables = ['purchases', 'purchase_check_totals'] as const;

  constructor(
    private readonly store: EventStore,
    private readonly catalog: Catalog,
    private readonly classifier: Classifier,
    private readonly thresholds: CapitalizationThresholds,
  ) {}

  async apply(tx: EntityManager, event: StoredEvent): Promise<void> {
    if (!isPurchaseStream(event.streamId) || !purchaseEvents.handles(event.type)) return;
    // A plan opens its stream: the event is the whole history, no need to read it back.
    const history = event.streamVersion === 1 ? [event] : await this.store.readStream(tx, event.streamId, event.streamVersion);
    const summary = summarizePurchase(foldPurchase(history.map((e) => purchaseEvents.decode(e))));
    if (!summary) return;
    const { plan } = summary;
    const unitPrice = yuanToFen(plan.unitPrice);
    // Whether it is a fixed asset, judged here so that cross-checks can sum in SQL: at the planned
    // unit price, with the configured thresholds (a rebuild judges again with the current ones).
    const entry = this.catalog.find(plan.catalogCode);
    const capitalizable = entry !== undefined && this.classifier.capitalizationOf(entry, unitPrice, this.thresholds).capitalizable;
    await tx.query(UPSERT_PURCHASE, [
      summary.purchaseId,
      event.department,
      event.budgetYear,
      event.streamVersion,
      summary.status,
      plan.projectCode,
      plan.catalogCode,
      plan.procurementType,
      plan.economicCode,
      yuanToFen(plan.amount).toString(),
      yuanToFen(plan.smeReserved).toString(),
      JSON.stringify(plan.funding),
      JSON.stringify(summary),
      history[0].recordedAt.toISOString(),
      event.recordedAt.toISOString(),
      unitPrice.toString(),
      capitalizable,
      PURCHASE_EVENTS_PROJECTED_UNDER_LOCK.has(event.type),
    ]);
  }
}

// One statement (one round trip): the department-year lock (for the events that can change a
// cross-check, $18), the purchase row, and its difference
// applied to the check totals. The lock comes first (the purchase row is inserted FROM it, and the
// totals are changed from the inserted row), so every transaction takes the lock before any totals
// row: an import planning many purchases under the lock cannot deadlock with a single plan waiting
// for it. Cross-checks then evaluate under the lock this statement took (see
// PURCHASE_EVENTS_PROJECTED_UNDER_LOCK); the next statement's snapshot is taken after it was granted,
// so it sees everything the previous holder committed. `old` reads the row before this statement
// changes it (all parts of a statement share one snapshot); no other writer changes the same
// purchase meanwhile, since its stream's version was advanced by this transaction.
const UPSERT_PURCHASE = prepared(`
  WITH locked AS (SELECT ${departmentYearLockSql('$2::text', '$3::int', '$18::boolean')} AS held),
  old AS (
    SELECT department, budget_year, status, project_code, procurement_type, economic_code, capitalizable, catalog_code,
           unit_price_fen, amount_fen, funding
    FROM purchases WHERE purchase_id = $1),
  new AS (
    INSERT INTO purchases (purchase_id, department, budget_year, version, status, project_code, catalog_code,
      procurement_type, economic_code, amount_fen, sme_reserved_fen, funding, summary, planned_at, updated_at,
      unit_price_fen, capitalizable)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14, $15, $16, $17 FROM locked
    ON CONFLICT (purchase_id) DO UPDATE SET
      version = EXCLUDED.version, status = EXCLUDED.status, project_code = EXCLUDED.project_code,
      catalog_code = EXCLUDED.catalog_code, procurement_type = EXCLUDED.procurement_type,
      economic_code = EXCLUDED.economic_code, amount_fen = EXCLUDED.amount_fen,
      sme_reserved_fen = EXCLUDED.sme_reserved_fen, funding = EXCLUDED.funding, summary = EXCLUDED.summary,
      updated_at = EXCLUDED.updated_at, unit_price_fen = EXCLUDED.unit_price_fen, capitalizable = EXCLUDED.capitalizable
    RETURNING department, budget_year, status, project_code, procurement_type, economic_code, capitalizable, catalog_code,
              unit_price_fen, amount_fen, funding)
  ${CHECK_TOTALS_CHANGE}`);
