import { ValidationError } from '../../common/errors/domain-error.js';
import { requireFact } from './context-facts.js';
import { planToPayload } from './plan-payload.js';
import {
  AMENDABLE_FIELDS,
  type AmendPurchaseData,
  type CatalogEntryFacts,
  type PlanFields,
  type PurchaseDecisionContext,
} from './purchase.commands.js';
import { illegalTransition } from './purchase-errors.js';
import type { PurchaseAmended, PurchasePlanChanges, PurchasePlanPayload } from './purchase.events.js';
import { validatePlan } from './purchase-rules.js';
import type { PlannedPurchase, PurchaseState } from './purchase.state.js';
import { requireExisting } from './require-existing.js';

/**
 * Amending is planning again: the resulting whole must pass every plan rule, with the same
 * field names. Only a planned purchase can change; after signing, the contract governs.
 */
export function decideAmend(state: PurchaseState, data: AmendPurchaseData, context: PurchaseDecisionContext): [PurchaseAmended] | [] {
  const current = requireExisting(state, data.purchaseId);
  if (current.status !== 'planned') throw illegalTransition(current.status, 'amend', current.purchaseId);

  const changes = data.changes;
  for (const key of Object.keys(changes)) {
    if (!AMENDABLE_FIELDS.includes(key as keyof PlanFields)) {
      throw new ValidationError('PURCHASE.NOT_AMENDABLE', `${key} cannot be amended`, key);
    }
  }

  const plan = current.plan;
  const catalogChanges = changes.catalogCode !== undefined && changes.catalogCode.trim() !== plan.catalogCode;
  const projectChanges = changes.projectCode !== undefined && changes.projectCode.trim() !== plan.projectCode;
  const economicReset = 'economicCode' in changes && changes.economicCode === null;

  // The plan as it stands with the changes laid over it; a change given as undefined keeps the field.
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const fields: PlanFields = { ...plan, ...given, economicCode: resultingEconomicCode(current, data) };
  const entry = catalogChanges
    ? requireFact(context.catalogEntry, 'catalogEntry', 'AmendPurchase')
    : currentEntry(current, economicReset ? requireFact(context.catalogEntry, 'catalogEntry', 'AmendPurchase') : undefined);
  const project = projectChanges ? requireFact(context.project, 'project', 'AmendPurchase') : { code: plan.projectCode };

  const before = planToPayload(plan);
  const after = planToPayload(validatePlan(fields, entry, project));
  const diff = diffPayloads(before, after);
  if (Object.keys(diff).length === 0) return [];
  return [{ type: 'PurchaseAmended', data: { purchaseId: current.purchaseId, changes: diff } }];
}

/** undefined means "the catalog default", which validatePlan resolves from the entry. */
function resultingEconomicCode(current: PlannedPurchase, data: AmendPurchaseData): string | undefined {
  const { changes } = data;
  if (changes.economicCode !== undefined) return changes.economicCode ?? undefined;
  return current.plan.economicCodeExplicit ? (current.plan.economicCode ?? undefined) : undefined;
}

/**
 * The entry as the plan recorded it, so an unchanged catalog code never drifts in name, type
 * or default line because the catalog data was updated since; only a reset to the default
 * line reads the catalog's current default.
 */
function currentEntry(current: PlannedPurchase, fresh: CatalogEntryFacts | null | undefined): CatalogEntryFacts {
  const plan = current.plan;
  const defaultLine = fresh !== undefined ? (fresh?.defaultEconomicLine ?? null) : plan.economicCodeExplicit ? null : plan.economicCode;
  return { code: plan.catalogCode, name: plan.catalogName, type: plan.procurementType, defaultEconomicLine: defaultLine };
}

function diffPayloads(before: PurchasePlanPayload, after: PurchasePlanPayload): PurchasePlanChanges {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof PurchasePlanPayload)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) diff[key] = { from: before[key], to: after[key] };
  }
  return diff;
}
