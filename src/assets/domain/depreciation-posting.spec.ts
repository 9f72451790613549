import { describe, expect, it } from '@jest/globals';
import { ConflictError, NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import {
  decideReversal,
  type DepreciationPostings,
  evolveDepreciation,
  NO_POSTINGS,
  postingFigures,
  shouldPost,
} from './depreciation-posting.js';
import type { DepreciationEvent } from './depreciation.events.js';
import { monthIndex } from './year-month.js';

const HASH = (n: number) => String(n).repeat(64).slice(0, 64);
const posted = (yearMonth: string, n: number): DepreciationEvent => ({
  type: 'DepreciationPosted',
  data: {
    ...postingFigures(
      yearMonth,
      new Map([['车辆', { cards: 1, originalValue: 960_000n, charge: 10_000n, accumulated: 10_000n * BigInt(n) }]]),
    ),
    contentHash: HASH(n),
  },
});
const given = (events: DepreciationEvent[]): DepreciationPostings => events.reduce(evolveDepreciation, NO_POSTINGS);
const facts = (firstCharged: number | null, currentMonth = monthIndex(2024, 12)) => ({
  currentMonth,
  firstChargedMonth: async () => firstCharged,
});

async function rejection(run: () => unknown): Promise<Error & { code?: string; field?: string; details?: Record<string, unknown> }> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('posting depreciation months in order', () => {
  it('given no posting, the first month may not skip the first month a card is charged in', async () => {
    expect(await shouldPost(NO_POSTINGS, monthIndex(2024, 1), facts(monthIndex(2024, 1)))).toBe(true);
    const error = await rejection(() => shouldPost(NO_POSTINGS, monthIndex(2024, 3), facts(monthIndex(2024, 1))));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('DEPRECIATION.MONTH_NOT_IN_ORDER');
    expect(error.details).toEqual({ firstUnposted: '2024-01' });
  });

  it('given posted months, the next one posts, a posted one again writes nothing, a later one is a 409 naming the next', async () => {
    const state = given([posted('2024-01', 1), posted('2024-02', 2)]);
    expect(await shouldPost(state, monthIndex(2024, 3), facts(null))).toBe(true);
    expect(await shouldPost(state, monthIndex(2024, 2), facts(null))).toBe(false);
    expect(await shouldPost(state, monthIndex(2024, 1), facts(null))).toBe(false);
    expect((await rejection(() => shouldPost(state, monthIndex(2024, 5), facts(null)))).details).toEqual({ firstUnposted: '2024-03' });
    expect((await rejection(() => shouldPost(state, monthIndex(2023, 12), facts(null)))).details).toEqual({ firstUnposted: '2024-03' });
  });

  it('a month still to come is a 400 naming yearMonth', async () => {
    const error = await rejection(() => shouldPost(NO_POSTINGS, monthIndex(2025, 1), facts(null)));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe('yearMonth');
  });

  it('only the latest month reverses, and a reversal makes the month before the latest again', async () => {
    const state = given([posted('2024-01', 1), posted('2024-02', 2)]);
    const events = decideReversal(state, monthIndex(2024, 2));
    expect(events).toEqual([{ type: 'DepreciationReversed', data: { yearMonth: '2024-02', contentHash: HASH(2), charge: '100.00' } }]);
    const after = events.reduce(evolveDepreciation, state);
    expect(after).toEqual(given([posted('2024-01', 1)]));
    expect(await shouldPost(after, monthIndex(2024, 2), facts(null))).toBe(true);
    expect((await rejection(() => decideReversal(state, monthIndex(2024, 1)))).details).toEqual({ latest: '2024-02' });
    expect(await rejection(() => decideReversal(state, monthIndex(2024, 3)))).toBeInstanceOf(NotFoundError);
  });

  it('the event lists every category in disclosure order with 净值 = 原值 − 累计折旧', () => {
    const figures = postingFigures(
      '2024-06',
      new Map([['车辆', { cards: 2, originalValue: 960_000n, charge: 20_000n, accumulated: 120_000n }]]),
    );
    expect(figures.categories).toHaveLength(10);
    expect(figures.categories.find((c) => c.category === '车辆')).toMatchObject({
      charge: '200.00',
      accumulatedDepreciation: '1200.00',
      netValue: '8400.00',
    });
    expect(figures.total).toEqual({
      cards: 2,
      originalValue: '9600.00',
      charge: '200.00',
      accumulatedDepreciation: '1200.00',
      netValue: '8400.00',
    });
  });
});
