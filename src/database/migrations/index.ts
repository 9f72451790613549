import { EventLog1764028800000 } from './1764028800000-event-log.js';
import { Budget1764028800001 } from './1764028800001-budget.js';
import { Purchases1764028800002 } from './1764028800002-purchases.js';
import { Assets1764028800003 } from './1764028800003-assets.js';
import { CrossChecks1764028800004 } from './1764028800004-cross-checks.js';
import { ApiKeys1764028800005 } from './1764028800005-api-keys.js';
import { IdempotencyExpiry1764028800006 } from './1764028800006-idempotency-expiry.js';
import { RelayCheckpoints1764028800007 } from './1764028800007-relay-checkpoints.js';
import { Departments1764028800011 } from './1764028800011-departments.js';
import { AssetRegister1764028800012 } from './1764028800012-asset-register.js';
import { AssetTotalsAndSheets1764028800121 } from './1764028800121-asset-totals-and-sheets.js';
import { ConsumerCheckpoints1764028800140 } from './1764028800140-consumer-checkpoints.js';
import { StreamTransactionOrder1764028800151 } from './1764028800151-stream-transaction-order.js';
import { CrossCheckAggregates1764028800152 } from './1764028800152-cross-check-aggregates.js';
import { ApiKeyChanges1764028800153 } from './1764028800153-api-key-changes.js';
import { Depreciation1764028800170 } from './1764028800170-depreciation.js';
import { LazyStocktakeScope1764028800180 } from './1764028800180-lazy-stocktake-scope.js';
import { PurchaseCheckTotals1764028800210 } from './1764028800210-purchase-check-totals.js';
import { ImportedCardPointer1764028800220 } from './1764028800220-imported-card-pointer.js';

/** In order. ESM builds cannot glob-load migrations reliably, so each one is listed here. */
export const MIGRATIONS = [
  EventLog1764028800000,
  Budget1764028800001,
  Purchases1764028800002,
  Assets1764028800003,
  CrossChecks1764028800004,
  ApiKeys1764028800005,
  IdempotencyExpiry1764028800006,
  RelayCheckpoints1764028800007,
  Departments1764028800011,
  AssetRegister1764028800012,
  AssetTotalsAndSheets1764028800121,
  ConsumerCheckpoints1764028800140,
  StreamTransactionOrder1764028800151,
  CrossCheckAggregates1764028800152,
  ApiKeyChanges1764028800153,
  Depreciation1764028800170,
  LazyStocktakeScope1764028800180,
  PurchaseCheckTotals1764028800210,
  ImportedCardPointer1764028800220,
];
