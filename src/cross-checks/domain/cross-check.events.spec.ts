import { describe, expect, it } from '@jest/globals';
import { crossCheckEvents } from './cross-check.events.js';

const finding = (rule: string, purchaseIds: string[]) => ({
  rule,
  severity: 'error',
  message: { zh: '预算科目 31002 办公设备购置：差额', en: 'Budget line 31002: difference' },
  amounts: { budget: '1900.00', budgetWan: '0.19' },
  refs: { purchaseIds, economicCodes: ['31002'], projectCodes: ['P001'], fundingSources: [] },
});

const stored = (schemaVersion: number, data: Record<string, unknown>) => ({
  type: 'CrossCheckChanged',
  streamId: 'cross-checks-731-2024',
  streamVersion: 1,
  schemaVersion,
  data,
});

describe('CrossCheckChanged versions', () => {
  it('given a stored v2 change, when decoded, then it is v3: the same findings without their purchase ids', () => {
    const event = crossCheckEvents.decode(
      stored(2, { status: 'fail', added: [finding('AMOUNT_SCALE_SUSPECT', ['a', 'b'])], resolved: [finding('AMOUNT_MISMATCH', ['a'])] }),
    );
    expect(event.data.added).toEqual([
      { ...finding('AMOUNT_SCALE_SUSPECT', []), refs: { economicCodes: ['31002'], projectCodes: ['P001'], fundingSources: [] } },
    ]);
    expect(event.data.resolved.map((f) => [f.rule, 'purchaseIds' in f.refs])).toEqual([['AMOUNT_MISMATCH', false]]);
  });

  it('given a stored v1 change, when decoded, then it goes through v2 to v3', () => {
    const event = crossCheckEvents.decode(stored(1, { status: 'pass', added: [], resolved: [finding('PROJECT_OVER_BUDGET', ['a'])] }));
    expect(event.data).toEqual({
      status: 'pass',
      added: [],
      resolved: [{ ...finding('PROJECT_OVER_BUDGET', []), refs: { economicCodes: ['31002'], projectCodes: ['P001'], fundingSources: [] } }],
    });
  });

  it('refuses a v3 change whose finding lists purchases: the contract has no place for them', () => {
    expect(() =>
      crossCheckEvents.decode(stored(3, { status: 'fail', added: [finding('AMOUNT_MISMATCH', ['a'])], resolved: [] })),
    ).toThrow();
  });
});
