import { ValidationError } from '../../common/errors/domain-error.js';
import type { FundingSplit } from '../../common/funding/funding.js';
import type { Fen } from '../../common/money/money.js';
import { Quantity } from '../../common/money/quantity.js';
import { divideHalfUp } from '../../common/money/rounding.js';
import type { CapitalizationThresholds, CatalogEntry, Classifier, NotCapitalizableReason } from '../../catalog/index.js';
import type { AssetCategoryName } from './asset-category.js';
import { isWhole } from './asset-rules.js';
import type { RegisterAssetData } from './asset.commands.js';
import { prorateFunding, spreadAmount } from './funding-proration.js';
import type { PurchaseAssetsSummary } from '../../procurement/index.js';

export type AcceptanceAssessment =
  | { capitalizable: true; category: AssetCategoryName; batch: boolean; unitValue: Fen }
  | { capitalizable: false; reason: NotCapitalizableReason; unitValue: Fen };

const ONE = 10n ** BigInt(Quantity.SCALE);

/** One acceptance registers at most this many cards in its transaction; larger deliveries are accepted in parts. */
export const MAX_CARDS_PER_ACCEPTANCE = 10_000n;

/**
 * Whether the units of one acceptance are fixed assets: the classifier's rule applied to the
 * unit value the acceptance establishes, amount / quantity. It is floored to the fen, which
 * decides exactly like the exact quotient because thresholds are whole fen. `entry` undefined
 * (a code no longer in the catalog) is `not_an_asset`.
 */
export function assessAcceptance(
  entry: CatalogEntry | undefined,
  quantity: Quantity,
  amount: Fen,
  classifier: Classifier,
  thresholds: CapitalizationThresholds,
): AcceptanceAssessment {
  if (!quantity.isPositive()) throw new RangeError('assessAcceptance: quantity must be positive');
  const unitValue = (amount * ONE) / quantity.units;
  if (!entry) return { capitalizable: false, reason: 'not_an_asset', unitValue };
  const result = classifier.capitalizationOf(entry, unitValue, thresholds);
  return result.capitalizable
    ? { capitalizable: true, category: result.assetCategory, batch: result.batch, unitValue }
    : { capitalizable: false, reason: result.reason, unitValue };
}

/** The purchase as the cards need it (its plan after amendments). */
export type CardedPurchase = {
  purchaseId: string;
  itemName: string;
  unit: string;
  catalogCode: string;
  funding: FundingSplit;
  economicCode: string | null;
};

export type CardedAcceptance = { acceptanceId: string; quantity: Quantity; amount: Fen; acceptedOn: string };

/**
 * The cards one capitalizable acceptance registers: one per unit, or a single batch card of the
 * whole quantity for a batch category. Per-unit values split the accepted amount to the fen with
 * the remainder on the first cards (spreadAmount), so the cards add up to the acceptance; each
 * card's funding is the purchase's split prorated to its value (prorateFunding).
 *
 * A fixed asset is counted in whole items, so a fractional quantity of capitalizable goods is
 * refused (400 on the acceptance's `quantity`) rather than carded approximately.
 */
export function cardsFromAcceptance(
  purchase: CardedPurchase,
  acceptance: CardedAcceptance,
  assessment: Extract<AcceptanceAssessment, { capitalizable: true }>,
  newId: () => string,
): RegisterAssetData[] {
  if (!isWhole(acceptance.quantity)) {
    throw new ValidationError(
      'ASSET.FRACTIONAL_ACCEPTANCE',
      `${purchase.itemName} is a fixed asset (${assessment.category}) counted in whole items; cannot accept ${acceptance.quantity} ${purchase.unit}`,
      'quantity',
    );
  }
  const count = acceptance.quantity.units / ONE;
  if (!assessment.batch && count > MAX_CARDS_PER_ACCEPTANCE) {
    throw new ValidationError(
      'ASSET.TOO_MANY_CARDS',
      `Accepting ${count} ${purchase.unit} at once would register ${count} cards; accept at most ${MAX_CARDS_PER_ACCEPTANCE} per acceptance`,
      'quantity',
    );
  }
  const card = (sequence: number, quantity: bigint, value: Fen, unitValue: Fen): RegisterAssetData => ({
    assetId: newId(),
    name: purchase.itemName,
    catalogCode: purchase.catalogCode,
    quantity: Quantity.fromInteger(quantity),
    originalValue: value,
    unitValue,
    acquiredOn: acceptance.acceptedOn,
    source: 'purchase',
    unit: purchase.unit,
    funding: prorateFunding(value, purchase.funding),
    origin: {
      purchaseId: purchase.purchaseId,
      acceptanceId: acceptance.acceptanceId,
      sequence,
      economicCode: purchase.economicCode,
    },
  });
  if (assessment.batch) return [card(1, count, acceptance.amount, divideHalfUp(acceptance.amount, count))];
  return spreadAmount(acceptance.amount, count).map((value, i) => card(i + 1, 1n, value, value));
}

/** One acceptance of a purchase as the register sees it. */
export type AcceptanceCarding = {
  quantity: Quantity;
  assessment: AcceptanceAssessment;
  /** Σ quantity of the cards registered from it, and how many cards. */
  cardedQuantity: bigint;
  cards: number;
};

/**
 * What GET /purchases/:id says about cards. Cards that exist are the fact: an acceptance with
 * cards counts as capitalized whatever the thresholds say today. Before any acceptance the
 * planned unit price tells whether cards are to be expected.
 */
export function summarizePurchaseAssets(
  planned: AcceptanceAssessment,
  acceptances: readonly AcceptanceCarding[],
  assets: Array<{ id: string; assetNo: string }> = [],
): PurchaseAssetsSummary {
  let carded = 0n;
  let cards = 0;
  let notCarded = Quantity.ZERO;
  let capitalized = false;
  for (const a of acceptances) {
    carded += a.cardedQuantity;
    cards += a.cards;
    if (a.cards > 0 || a.assessment.capitalizable) {
      capitalized = true;
      const missing = a.quantity.subtract(Quantity.fromInteger(a.cardedQuantity));
      if (missing.isPositive()) notCarded = notCarded.add(missing);
    }
  }
  const firstReason = acceptances.length === 0 ? planned : acceptances[0].assessment;
  return {
    carded: { quantity: carded.toString(), cards, assets },
    acceptedNotCarded: { quantity: notCarded.toString() },
    notCapitalizable: capitalized || firstReason.capitalizable ? null : firstReason.reason,
  };
}
