import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../../common/errors/domain-error.js';
import { Quantity } from '../../common/money/quantity.js';
import { CapitalizationThresholds, type CatalogEntry, Classifier, CLASSIFICATION_2024 } from '../../catalog/index.js';
import { assessAcceptance, cardsFromAcceptance, summarizePurchaseAssets, type AcceptanceAssessment } from './acceptance-cards.js';

const classifier = new Classifier(CLASSIFICATION_2024);
const thresholds = new CapitalizationThresholds(100_000n, 150_000n);
const entry = (code: string, name: string, type: CatalogEntry['type'] = 'goods'): CatalogEntry => ({
  code,
  name,
  type,
  level: 4,
  parent: code.slice(0, 7) + '00',
});
const COMPUTER = entry('A02010105', '台式计算机');
const DESK = entry('A05010201', '办公桌');
const PROPERTY = entry('C21040000', '物业管理服务', 'services');
const q = (text: string) => Quantity.decode(text);
const assess = (e: CatalogEntry | undefined, quantity: string, amount: bigint) =>
  assessAcceptance(e, q(quantity), amount, classifier, thresholds);

const PURCHASE = {
  purchaseId: '3f1c2a9e-8b7d-4c6e-9a15-2b4d6f8e0a11',
  itemName: '台式计算机',
  unit: '台',
  catalogCode: 'A02010105',
  funding: { general_budget: 1_000_000n, unit_funds: 500_000n },
  economicCode: '31002',
};
const ACCEPTANCE = { acceptanceId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', quantity: q('3'), amount: 1_500_000n, acceptedOn: '2024-04-02' };
const ids = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-00000000000${++n}`;
};
const capitalizable = (a: AcceptanceAssessment) => {
  if (!a.capitalizable) throw new Error('expected capitalizable');
  return a;
};

describe('assessAcceptance', () => {
  it('goods at or above the threshold per unit are fixed assets of their category', () => {
    expect(assess(COMPUTER, '3', 1_500_000n)).toEqual({
      capitalizable: true,
      category: '通用设备（除车辆）',
      batch: false,
      unitValue: 500_000n,
    });
    expect(assess(COMPUTER, '1', 100_000n).capitalizable).toBe(true);
  });

  it('the unit value is the accepted amount over the quantity: 2,999.99 for 3 is below 1,000.00', () => {
    expect(assess(COMPUTER, '3', 299_999n)).toEqual({ capitalizable: false, reason: 'below_threshold', unitValue: 99_999n });
    expect(assess(COMPUTER, '1', 30_000n)).toMatchObject({ capitalizable: false, reason: 'below_threshold' });
  });

  it('services, consumables and codes no longer in the catalog are not', () => {
    expect(assess(PROPERTY, '1', 15_000_000n)).toMatchObject({ capitalizable: false, reason: 'service' });
    expect(assess(entry('A05040101', '复印纸'), '1', 500_000n)).toMatchObject({ capitalizable: false, reason: 'not_an_asset' });
    expect(assess(undefined, '1', 500_000n)).toMatchObject({ capitalizable: false, reason: 'not_an_asset' });
  });

  it('batch categories are fixed assets whatever the unit value', () => {
    expect(assess(DESK, '4', 120_000n)).toMatchObject({ capitalizable: true, category: '家具用具', batch: true });
  });
});

describe('cardsFromAcceptance', () => {
  it('one card per unit, each with the unit value and its share of the funding', () => {
    const cards = cardsFromAcceptance(PURCHASE, ACCEPTANCE, capitalizable(assess(COMPUTER, '3', 1_500_000n)), ids());
    expect(cards).toHaveLength(3);
    expect(cards[0]).toEqual({
      assetId: '00000000-0000-4000-8000-000000000001',
      name: '台式计算机',
      catalogCode: 'A02010105',
      quantity: Quantity.fromInteger(1),
      originalValue: 500_000n,
      unitValue: 500_000n,
      acquiredOn: '2024-04-02',
      source: 'purchase',
      unit: '台',
      funding: { general_budget: 333_333n, unit_funds: 166_667n },
      origin: { purchaseId: PURCHASE.purchaseId, acceptanceId: ACCEPTANCE.acceptanceId, sequence: 1, economicCode: '31002' },
    });
    expect(cards.map((c) => c.origin!.sequence)).toEqual([1, 2, 3]);
  });

  it('spreads an amount that does not divide: the first cards carry the extra fen, and the cards add up to it', () => {
    const acceptance = { ...ACCEPTANCE, amount: 1_000_000n };
    const cards = cardsFromAcceptance(PURCHASE, acceptance, capitalizable(assess(COMPUTER, '3', 1_000_000n)), ids());
    expect(cards.map((c) => c.originalValue)).toEqual([333_334n, 333_333n, 333_333n]);
    for (const card of cards) expect(Object.values(card.funding!).reduce((a, b) => a + b, 0n)).toBe(card.originalValue);
  });

  it('one batch card for a batch category, with the whole quantity and amount', () => {
    const desks = { ...PURCHASE, itemName: '办公桌', unit: '张', catalogCode: 'A05010201' };
    const cards = cardsFromAcceptance(
      desks,
      { ...ACCEPTANCE, quantity: q('4'), amount: 300_001n },
      capitalizable(assess(DESK, '4', 300_001n)),
      ids(),
    );
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      quantity: Quantity.fromInteger(4),
      originalValue: 300_001n,
      unitValue: 75_000n,
      origin: { sequence: 1 },
    });
  });

  it('refuses more cards than one transaction should write, but not a batch card of any size', () => {
    const many = { ...ACCEPTANCE, quantity: q('10001'), amount: 10001n * 500_000n };
    expect(() => cardsFromAcceptance(PURCHASE, many, capitalizable(assess(COMPUTER, '10001', many.amount)), ids())).toThrow(
      ValidationError,
    );
    const desks = { ...PURCHASE, catalogCode: 'A05010201' };
    expect(cardsFromAcceptance(desks, many, capitalizable(assess(DESK, '10001', many.amount)), ids())).toHaveLength(1);
  });

  it('refuses a fractional quantity of fixed assets (400 on the acceptance quantity)', () => {
    let error: unknown;
    try {
      cardsFromAcceptance(PURCHASE, { ...ACCEPTANCE, quantity: q('1.5') }, capitalizable(assess(COMPUTER, '1.5', 750_000n)), ids());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'ASSET.FRACTIONAL_ACCEPTANCE', field: 'quantity' });
  });
});

describe('summarizePurchaseAssets', () => {
  const yes = assess(COMPUTER, '1', 500_000n);
  const below = assess(COMPUTER, '1', 30_000n);
  const service = assess(PROPERTY, '1', 1n);

  it('before any acceptance it says whether cards are to be expected', () => {
    expect(summarizePurchaseAssets(yes, [])).toEqual({
      carded: { quantity: '0', cards: 0, assets: [] },
      acceptedNotCarded: { quantity: '0' },
      notCapitalizable: null,
    });
    expect(summarizePurchaseAssets(service, []).notCapitalizable).toBe('service');
  });

  it('counts carded units and capitalizable units accepted without cards', () => {
    const summary = summarizePurchaseAssets(yes, [
      { quantity: q('2'), assessment: yes, cardedQuantity: 2n, cards: 2 },
      { quantity: q('1'), assessment: yes, cardedQuantity: 0n, cards: 0 },
    ]);
    expect(summary).toEqual({
      carded: { quantity: '2', cards: 2, assets: [] },
      acceptedNotCarded: { quantity: '1' },
      notCapitalizable: null,
    });
  });

  it('acceptances below the threshold are no cards owed, and the purchase says why', () => {
    expect(summarizePurchaseAssets(yes, [{ quantity: q('1'), assessment: below, cardedQuantity: 0n, cards: 0 }])).toEqual({
      carded: { quantity: '0', cards: 0, assets: [] },
      acceptedNotCarded: { quantity: '0' },
      notCapitalizable: 'below_threshold',
    });
  });

  it('existing cards are the fact, whatever the thresholds say today', () => {
    expect(summarizePurchaseAssets(below, [{ quantity: q('1'), assessment: below, cardedQuantity: 1n, cards: 1 }])).toMatchObject({
      carded: { quantity: '1', cards: 1, assets: [] },
      notCapitalizable: null,
    });
  });
});
