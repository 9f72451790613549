import { describe, expect, it } from '@jest/globals';
import type { NewEvent } from '../../event-log/index.js';
import { Quantity } from '../../common/money/quantity.js';
import { decide } from './decide.js';
import { evolve, foldPurchase } from './evolve.js';
import { isPurchaseEvent, type PurchaseEvent } from './purchase.events.js';
import { summarizePurchase } from './purchase.summary.js';
import {
  ACCEPTANCE_1,
  accepted,
  amend,
  cancelled,
  contracted,
  propertyPlanned,
  PROPERTY_ID,
  q,
  SHREDDER_ID,
  shredderContext,
  shredderPlan,
  shredderPlanned,
} from './testing/purchase-fixtures.js';

describe('evolve', () => {
  it('builds the planned state from PurchasePlanned', () => {
    expect(foldPurchase([shredderPlanned])).toEqual({
      status: 'planned',
      purchaseId: SHREDDER_ID,
      plan: {
        projectCode: 'P2024-001',
        itemName: '碎纸机',
        catalogCode: 'A02021301',
        catalogName: '碎纸机',
        procurementType: 'goods',
        unit: '个',
        quantity: Quantity.fromInteger(1),
        unitPrice: 190_000n,
        amount: 190_000n,
        funding: { general_budget: 190_000n },
        smeReserved: 190_000n,
        economicCode: '31002',
        economicCodeExplicit: false,
      },
    });
  });

  it('replays events read back from JSON (as the event store returns them)', () => {
    const planned = decide({ status: 'empty' }, shredderPlan(), shredderContext);
    const state = foldPurchase(planned);
    const more = decide(state, amend({ quantity: q('2'), amount: 380_000n, funding: { general_budget: 380_000n } }), {});
    const log: PurchaseEvent[] = JSON.parse(JSON.stringify([...planned, ...more]));
    expect(foldPurchase(log)).toEqual(foldPurchase([...planned, ...more]));
    expect(summarizePurchase(foldPurchase(log))?.planned).toEqual({ quantity: '2', amount: '3800.00' });
  });

  it('keeps the contract on a cancelled purchase', () => {
    const state = foldPurchase([shredderPlanned, contracted(), cancelled('合同解除')]);
    expect(state).toMatchObject({ status: 'cancelled', reason: '合同解除', contract: { amount: 185_000n, contractNo: 'QHD-KX-2024-001' } });
  });

  it('refuses an event that cannot follow the current state (a corrupt stream)', () => {
    expect(() => foldPurchase([contracted()])).toThrow('PurchaseContracted cannot follow a purchase that is empty');
    expect(() => foldPurchase([shredderPlanned, shredderPlanned])).toThrow(/cannot follow/);
    expect(() => foldPurchase([shredderPlanned, accepted()])).toThrow(/cannot follow/);
  });

  it('ignores event types it does not know', () => {
    const state = foldPurchase([shredderPlanned]);
    expect(evolve(state, { type: 'SomethingNew', data: {} } as unknown as PurchaseEvent)).toBe(state);
  });

  it('events are log-ready: NewEvent-compatible, JSON-only, recognisable by type', () => {
    const events: NewEvent[] = decide({ status: 'empty' }, shredderPlan(), shredderContext);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
    expect(isPurchaseEvent({ type: 'PurchasePlanned', data: {} })).toBe(true);
    expect(isPurchaseEvent({ type: 'AssetRegistered', data: {} })).toBe(false);
  });
});

describe('summarizePurchase', () => {
  it('is null for a purchase that does not exist', () => {
    expect(summarizePurchase({ status: 'empty' })).toBeNull();
  });

  it('shows a planned purchase', () => {
    expect(summarizePurchase(foldPurchase([shredderPlanned]))).toEqual({
      purchaseId: SHREDDER_ID,
      status: 'planned',
      plan: (({ purchaseId: _, ...plan }) => plan)(shredderPlanned.data),
      planned: { quantity: '1', amount: '1900.00' },
      contracted: null,
      accepted: { quantity: '0', amount: '0.00', acceptances: 0 },
      remaining: null,
      cancellation: null,
    });
  });

  it('shows contract savings and what remains to accept', () => {
    const summary = summarizePurchase(
      foldPurchase([
        propertyPlanned,
        contracted({ purchaseId: PROPERTY_ID, amount: '144000.00', signedOn: '2024-01-05' }),
        accepted({
          purchaseId: PROPERTY_ID,
          acceptanceId: ACCEPTANCE_1,
          quantity: '0.5',
          amount: '72000.00',
          acceptedQuantityTotal: '0.5',
          acceptedAmountTotal: '72000.00',
          fullyAccepted: false,
        }),
      ]),
    );
    expect(summary).toMatchObject({
      status: 'partially_accepted',
      planned: { quantity: '1', amount: '150000.00' },
      contracted: { quantity: '1', amount: '144000.00', savings: '6000.00', signedOn: '2024-01-05' },
      accepted: { quantity: '0.5', amount: '72000.00', acceptances: 1 },
      remaining: { quantity: '0.5', amount: '72000.00' },
    });
  });

  it('shows a closed purchase with nothing remaining', () => {
    expect(summarizePurchase(foldPurchase([shredderPlanned, contracted(), accepted()]))).toMatchObject({
      status: 'accepted',
      accepted: { quantity: '1', amount: '1850.00', acceptances: 1 },
      remaining: { quantity: '0', amount: '0.00' },
    });
  });

  it('shows a cancellation and no remaining work', () => {
    expect(summarizePurchase(foldPurchase([shredderPlanned, contracted(), cancelled('合同解除')]))).toMatchObject({
      status: 'cancelled',
      contracted: { amount: '1850.00' },
      remaining: null,
      cancellation: { reason: '合同解除' },
    });
  });
});
