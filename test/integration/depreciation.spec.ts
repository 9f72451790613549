import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { formatYuan, type Fen } from '../../src/common/money/money.js';
import { accumulatedThrough, chargeIn, depreciationSchedule, type DepreciationTerms } from '../../src/assets/domain/depreciation.js';
import type { DepreciationPostedData } from '../../src/assets/domain/depreciation.events.js';
import { lastDayOfMonth, monthIndex } from '../../src/assets/domain/year-month.js';
import { api } from '../support/http.js';
import { readModelSnapshot } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

/*
 * Posting depreciation month by month for a department of 10,000 migrated cards, on the real
 * database: the posted totals against the cards' own figures (domain/depreciation.ts) to the
 * fen, the database's per-card formula against the TypeScript one card by card, idempotence,
 * order, reversal and a rebuild.
 */

const DEPT = '737';
const N = 10_000;
const HEADER = ['资产编号', '资产名称', '资产分类代码', '数量', '计量单位', '原值', '取得日期', '取得方式', '财务入账日期', '累计折旧'];
/** Lives and classes that exercise every branch: depreciated, not depreciated, nominal value, past its life. */
const KINDS = [
  { code: 'A02010105', name: '台式计算机', quantity: 1 },
  { code: 'A05010502', name: '文件柜', quantity: 4 },
  { code: 'A02030501', name: '轿车', quantity: 1 },
  { code: 'A02320000', name: '医疗设备', quantity: 1 },
  { code: 'A01010100', name: '办公用房', quantity: 1 },
  { code: 'A01030000', name: '土地', quantity: 1 },
  { code: 'A04010000', name: '图书', quantity: 50 },
];

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Cards migrated at 2023-12 (their old register's 累计折旧 as of a December finance entry), a few without one acquired in December. */
function register(): string[][] {
  return Array.from({ length: N }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const nominal = i % 97 === 0;
    const fen = nominal ? 100 * kind.quantity : 100_000 + ((i * 7919) % 9_000_000);
    const withoutOpening = i % 13 === 0;
    const acquired = withoutOpening
      ? `2023-12-${String(1 + (i % 28)).padStart(2, '0')}`
      : `20${String(5 + (i % 19)).padStart(2, '0')}-0${1 + (i % 9)}-15`;
    // Some openings are the whole value (fully depreciated), most a part of it.
    const opening = withoutOpening ? '' : yuan(i % 11 === 0 ? fen : Math.floor((fen * (i % 10)) / 10));
    return [
      `DP-${String(i + 1).padStart(6, '0')}`,
      `${kind.name} ${i + 1}`,
      kind.code,
      String(kind.quantity),
      '台',
      yuan(fen),
      acquired,
      '购置',
      withoutOpening ? '' : `2023-12-${String(1 + (i % 28)).padStart(2, '0')}`,
      opening,
    ];
  });
}

type CardRow = DepreciationTerms & { assetId: string; category: string };

async function cards(t: TestApp): Promise<CardRow[]> {
  const rows: Array<Record<string, string | number | null>> = await t.dataSource.query(
    `SELECT asset_id, category, value_fen::text AS value_fen, useful_life_months, acquired_on::text AS acquired_on,
       accumulated_depreciation_fen::text AS opening, finance_entry_date::text AS finance_entry_date, disposed_on::text AS disposed_on
     FROM asset_cards WHERE department = $1`,
    [DEPT],
  );
  return rows.map((r) => ({
    assetId: String(r.asset_id),
    category: String(r.category),
    originalValue: BigInt(String(r.value_fen)),
    usefulLifeMonths: r.useful_life_months === null ? null : Number(r.useful_life_months),
    acquiredOn: String(r.acquired_on),
    openingAccumulated: r.opening === null ? null : BigInt(String(r.opening)),
    financeEntryDate: r.finance_entry_date === null ? null : String(r.finance_entry_date),
    disposedOn: r.disposed_on === null ? null : String(r.disposed_on),
  }));
}

/** The cards' own sums for a month: those held at its end, by category (domain functions only). */
function cardSums(all: readonly CardRow[], month: number) {
  const end = lastDayOfMonth(month);
  const out = new Map<string, { accumulated: Fen; charge: Fen; value: Fen; cards: number }>();
  for (const card of all) {
    if (card.acquiredOn > end || (card.disposedOn !== null && card.disposedOn <= end)) continue;
    const schedule = depreciationSchedule(card);
    const s = out.get(card.category) ?? { accumulated: 0n, charge: 0n, value: 0n, cards: 0 };
    s.accumulated += accumulatedThrough(schedule, month);
    s.charge += chargeIn(schedule, month);
    s.value += card.originalValue;
    s.cards += 1;
    out.set(card.category, s);
  }
  return out;
}

async function sqlByCard(t: TestApp, month: number): Promise<Map<string, string>> {
  const rows: Array<{ asset_id: string; acc: string }> = await t.dataSource.query(
    `SELECT asset_id, depreciation_through(dep_opening_fen, dep_base_fen, dep_months, dep_start, dep_end, $2)::text AS acc
     FROM asset_cards WHERE department = $1`,
    [DEPT, month],
  );
  return new Map(rows.map((r) => [r.asset_id, r.acc]));
}

async function postedEvents(t: TestApp, type: string): Promise<Array<{ data: DepreciationPostedData }>> {
  return t.dataSource.query(`SELECT data FROM events WHERE stream_id = $1 AND type = $2 ORDER BY global_position`, [
    `depreciation-${DEPT}`,
    type,
  ]);
}

const post = (t: TestApp, yearMonth: string) => api(t).post(`/departments/${DEPT}/depreciation/${yearMonth}`);

describe(`depreciation posting (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let desktopId: string;
  let disposedId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const file = Buffer.from([HEADER, ...register()].map((r) => r.join(',')).join('\r\n'), 'utf8');
    await api(t).post(`/departments/${DEPT}/assets/import`).set('Content-Type', 'text/csv').send(file).expect(200);
    const desktop = await api(t)
      .post(`/departments/${DEPT}/assets`)
      .send({ name: '台式计算机', catalogCode: 'A02010105', originalValue: '6000.00', acquiredOn: '2024-03-15', source: 'purchase' })
      .expect(201);
    desktopId = desktop.body.id;
    const car = await api(t)
      .post(`/departments/${DEPT}/assets`)
      .send({ name: '轿车', catalogCode: 'A02030501', originalValue: '180000.00', acquiredOn: '2024-01-20', source: 'purchase' })
      .expect(201);
    disposedId = car.body.id;
    await api(t)
      .post(`/assets/${disposedId}/dispose`)
      .send({ disposedOn: '2024-07-10', method: 'scrapped', reason: '事故报废' })
      .expect(200);
  }, 300_000);
  afterAll(() => t?.close());

  it('refuses a first month that skips a month in which a card is charged (409 naming it)', async () => {
    const res = await post(t, '2024-02').expect(409);
    expect(res.body.code).toBe('DEPRECIATION.MONTH_NOT_IN_ORDER');
    expect(res.body.details.firstUnposted).toBe('2024-01');
  });

  it('posts 12 months: 12 events whose totals are the sums of the cards’ own figures to the fen', async () => {
    for (let m = 1; m <= 12; m++) await post(t, `2024-${String(m).padStart(2, '0')}`).expect(200);
    const events = await postedEvents(t, 'DepreciationPosted');
    expect(events).toHaveLength(12);
    const all = await cards(t);
    expect(all).toHaveLength(N + 2);
    for (const [i, { data }] of events.entries()) {
      const sums = cardSums(all, monthIndex(2024, i + 1));
      expect(data.yearMonth).toBe(`2024-${String(i + 1).padStart(2, '0')}`);
      for (const row of data.categories) {
        const s = sums.get(row.category) ?? { accumulated: 0n, charge: 0n, value: 0n, cards: 0 };
        expect([row.category, row.accumulatedDepreciation, row.charge, row.originalValue, row.cards]).toEqual([
          row.category,
          formatYuan(s.accumulated),
          formatYuan(s.charge),
          formatYuan(s.value),
          s.cards,
        ]);
      }
    }
    // Something was charged in every month, and land and books never.
    expect(events.every(({ data }) => data.total.charge !== '0.00')).toBe(true);
    for (const { data } of events) {
      for (const category of ['土地', '图书档案']) {
        expect(data.categories.find((c) => c.category === category)?.charge).toBe('0.00');
      }
    }
  });

  it('the database’s per-card formula equals the domain function card by card, in past and future months', async () => {
    const all = await cards(t);
    for (const month of [monthIndex(2023, 12), monthIndex(2024, 6), monthIndex(2024, 12), monthIndex(2031, 3), monthIndex(2080, 1)]) {
      const sql = await sqlByCard(t, month);
      const mismatches = all.filter((c) => sql.get(c.assetId) !== accumulatedThrough(depreciationSchedule(c), month).toString());
      expect(mismatches.map((c) => c.assetId)).toEqual([]);
    }
  });

  it('a card shows its figures through the last posted month, and as of a past date', async () => {
    const now = (await api(t).get(`/assets/${desktopId}`).expect(200)).body;
    expect(now).toMatchObject({ usefulLifeMonths: 72, depreciatedThrough: '2024-12' });
    // April–December 2024: 9 × 83.33.
    expect(now.accumulatedDepreciation).toBe('749.97');
    expect(now.netValue).toBe('5250.03');
    const june = (await api(t).get(`/assets/${desktopId}`).query({ asOf: '2024-06-30' }).expect(200)).body;
    expect(june).toMatchObject({ accumulatedDepreciation: '249.99', netValue: '5750.01', depreciatedThrough: '2024-06' });
    // The car disposed of on 2024-07-10 was charged February–June only.
    const car = (await api(t).get(`/assets/${disposedId}`).expect(200)).body;
    expect(car.accumulatedDepreciation).toBe(formatYuan(5n * (18_000_000n / 96n)));
  });

  it('posting a month again writes nothing; a month after a gap is a 409 naming the first unposted month', async () => {
    const before = await postedEvents(t, 'DepreciationPosted');
    const again = await post(t, '2024-12').expect(200);
    expect(again.body.contentHash).toBe(before[11].data.contentHash);
    await post(t, '2024-03').expect(200);
    expect(await postedEvents(t, 'DepreciationPosted')).toHaveLength(12);
    const gap = await post(t, '2025-03').expect(409);
    expect(gap.body.details.firstUnposted).toBe('2025-01');
  });

  it('holdings, the reconciliation and the year listing carry the posted figures', async () => {
    const [dec] = (await postedEvents(t, 'DepreciationPosted')).slice(-1);
    const holdings = (await api(t).get(`/departments/${DEPT}/holdings`).query({ asOf: '2024-12-31' }).expect(200)).body;
    expect(holdings.depreciatedThrough).toBe('2024-12');
    expect(holdings.total.accumulatedDepreciation).toBe(dec.data.total.accumulatedDepreciation);
    expect(holdings.total.netValue).toBe(dec.data.total.netValue);
    for (const row of holdings.categories) {
      const posted = dec.data.categories.find((c) => c.category === row.category);
      expect([row.category, row.accumulatedDepreciation]).toEqual([row.category, posted?.accumulatedDepreciation]);
    }
    // Mid-month, before the car's disposal on 2024-07-10: the July posting corrected for the cards that differ, as the cards sum.
    const all = await cards(t);
    const july = all.filter((c) => c.acquiredOn <= '2024-07-05' && (c.disposedOn === null || c.disposedOn > '2024-07-05'));
    const mid = (await api(t).get(`/departments/${DEPT}/holdings`).query({ asOf: '2024-07-05' }).expect(200)).body;
    const expected = july.reduce((sum, c) => sum + accumulatedThrough(depreciationSchedule(c), monthIndex(2024, 7)), 0n);
    expect([mid.depreciatedThrough, mid.total.accumulatedDepreciation]).toEqual(['2024-07', formatYuan(expected)]);
    const reconciliation = (await api(t).get(`/departments/${DEPT}/years/2024/reconciliation`).expect(200)).body;
    expect(reconciliation.total.closingBookNetValue.netValue).toBe(dec.data.total.netValue);
    const year = (await api(t).get(`/departments/${DEPT}/years/2024/depreciation`).expect(200)).body;
    expect(year.months.map((m: { yearMonth: string }) => m.yearMonth)).toHaveLength(12);
    const events = await postedEvents(t, 'DepreciationPosted');
    const charged = events.reduce((sum, e) => sum + BigInt(e.data.total.charge.replace('.', '')), 0n);
    expect(year.charges.reduce((sum: bigint, c: { charge: string }) => sum + BigInt(c.charge.replace('.', '')), 0n)).toBe(charged);
  });

  it('exports the year’s schedule by category (原值, 本年计提折旧, 累计折旧, 净值) in 万元 and 元, csv and xlsx', async () => {
    const [dec] = (await postedEvents(t, 'DepreciationPosted')).slice(-1);
    const csv = await api(t).get(`/departments/${DEPT}/years/2024/disclosure/depreciation.csv`).expect(200);
    const lines = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toContain('固定资产折旧情况表');
    expect(lines.some((l) => l.includes('原值') && l.includes('本年计提折旧') && l.includes('累计折旧') && l.includes('净值'))).toBe(true);
    const total = lines.find((l) => l.startsWith('合计'))!.split(',');
    const charged = (await postedEvents(t, 'DepreciationPosted')).reduce(
      (sum, e) => sum + BigInt(e.data.total.charge.replace('.', '')),
      0n,
    );
    expect(total.slice(5)).toEqual([
      dec.data.total.originalValue,
      formatYuan(charged),
      dec.data.total.accumulatedDepreciation,
      dec.data.total.netValue,
    ]);
    const xlsx = await api(t).get(`/departments/${DEPT}/years/2024/disclosure/depreciation.xlsx`).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    await api(t).get(`/departments/${DEPT}/years/2023/disclosure/depreciation.csv`).expect(404);
  });

  it('a rebuild of the read models reproduces every card’s accumulated depreciation', async () => {
    const before = await sqlByCard(t, monthIndex(2024, 12));
    const snapshot = await readModelSnapshot(t);
    await api(t).post('/admin/read-models/rebuild').expect(200);
    expect(await sqlByCard(t, monthIndex(2024, 12))).toEqual(before);
    expect(await readModelSnapshot(t)).toEqual(snapshot);
  }, 120_000);

  it('reversing the latest month restores the previous figures exactly; only the latest can be reversed', async () => {
    const november = (await api(t).get(`/departments/${DEPT}/holdings`).query({ asOf: '2024-11-30' }).expect(200)).body;
    const desktopNovember = (await api(t).get(`/assets/${desktopId}`).query({ asOf: '2024-11-30' }).expect(200)).body;
    expect((await api(t).delete(`/departments/${DEPT}/depreciation/2024-11`).expect(409)).body.details.latest).toBe('2024-12');
    await api(t).delete(`/departments/${DEPT}/depreciation/2024-12`).expect(204);
    const reversed = await postedEvents(t, 'DepreciationReversed');
    expect(reversed.map((e) => e.data.yearMonth)).toEqual(['2024-12']);
    const desktop = (await api(t).get(`/assets/${desktopId}`).expect(200)).body;
    expect(desktop).toMatchObject({
      accumulatedDepreciation: desktopNovember.accumulatedDepreciation,
      netValue: desktopNovember.netValue,
      depreciatedThrough: '2024-11',
    });
    const year = (await api(t).get(`/departments/${DEPT}/holdings`).query({ asOf: '2024-12-31' }).expect(200)).body;
    expect(year.depreciatedThrough).toBe('2024-11');
    expect(year.categories.map((c: { accumulatedDepreciation: string }) => c.accumulatedDepreciation)).toEqual(
      november.categories.map((c: { accumulatedDepreciation: string }) => c.accumulatedDepreciation),
    );
    await api(t).delete(`/departments/${DEPT}/depreciation/2024-12`).expect(404);
    // Posting it again posts the same figures.
    const again = await post(t, '2024-12').expect(200);
    expect(again.body.contentHash).toBe((await postedEvents(t, 'DepreciationPosted'))[11].data.contentHash);
  });
});
