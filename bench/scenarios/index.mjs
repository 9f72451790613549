// The bench's scenarios, in the order they run on each database. A scenario is a module
// bench/scenarios/<name>.mjs exporting `meta` ({ databases, targets }) and a default async
// function that gets the context (see bench/README.md) and returns its figures, keyed as in
// bench/results.json. To add one: write the module, import it here, and take its keys out of
// pending.mjs.
import * as acceptanceCards from './acceptance-cards.mjs';
import * as assetRegisterScale from './asset-register-scale.mjs';
import * as coldStart from './cold-start.mjs';
import * as depreciationPosting from './depreciation-posting.mjs';
import * as feed from './feed.mjs';
import * as getPurchase from './get-purchase.mjs';
import * as pending from './pending.mjs';
import * as planGrowth from './plan-growth.mjs';
import * as planPurchaseOneDepartment from './plan-purchase-one-department.mjs';
import * as planPurchase from './plan-purchase.mjs';
import * as rawPg from './raw-pg-same-transaction.mjs';
import * as sseFanout from './sse-fanout.mjs';

export const SCENARIOS = [
  { name: 'cold-start', ...coldStart },
  { name: 'plan-purchase', ...planPurchase },
  { name: 'raw-pg-same-transaction', ...rawPg },
  { name: 'plan-purchase-one-department', ...planPurchaseOneDepartment },
  { name: 'plan-growth', ...planGrowth },
  { name: 'get-purchase', ...getPurchase },
  { name: 'feed', ...feed },
  { name: 'sse-fanout', ...sseFanout },
  { name: 'acceptance-cards', ...acceptanceCards },
  { name: 'asset-register-scale', ...assetRegisterScale },
  { name: 'depreciation-posting', ...depreciationPosting },
];

export const PENDING = pending.PENDING;
export const PENDING_TARGETS = pending.meta.targets;
