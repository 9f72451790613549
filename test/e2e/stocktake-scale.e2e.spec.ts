import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import { eventCount } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const DEPT = '739';
const CARDS = 100_000;
const PAGE = 500;
const MINUTES = 60_000;

const assetNo = (i: number) => `PD-${String(i + 1).padStart(6, '0')}`;

/** A register of 100,000 single computers, numbered PD-000001…, in a shuffled file order. */
function registerFile(): Buffer {
  const header = '资产编号,资产名称,资产分类代码,数量,计量单位,原值,取得日期,取得方式,存放地点';
  const lines = Array.from({ length: CARDS }, (_, k) => {
    const i = (k * 7919) % CARDS; // 7919 is prime to 100,000: every number once, not in order
    return `${assetNo(i)},台式计算机 ${i + 1},A02010105,1,台,${5000 + (i % 100)}.00,2023-0${1 + (i % 9)}-15,购置,${1 + (i % 4)}楼`;
  });
  return Buffer.from([header, ...lines].join('\r\n'), 'utf8');
}

/** A filled-in sheet: every card found except each 10th, counted as 0 (not found). */
function countsFile(bad?: { row: number; value: string }): Buffer {
  const lines = Array.from({ length: CARDS }, (_, i) => {
    const row = i + 2;
    const counted = bad?.row === row ? bad.value : i % 10 === 9 ? '0' : '1';
    return `${assetNo(i)},${counted},`;
  });
  return Buffer.from(['资产编号,实盘数量,备注', ...lines].join('\r\n'), 'utf8');
}

describe(`a stocktake over 100,000 cards (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let stocktakeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await api(t).post(`/departments/${DEPT}/assets/import`).set('Content-Type', 'text/csv').send(registerFile());
    expect(res.status).toBe(200);
    expect(res.body.cards).toBe(CARDS);
  }, 10 * MINUTES);
  afterAll(() => t.close());

  it('opens with one StocktakeOpened event smaller than 2 KB', async () => {
    const before = await eventCount(t);
    const opened = (await api(t).post(`/departments/${DEPT}/stocktakes`).send({ asOf: '2024-12-31' }).expect(201)).body;
    stocktakeId = opened.id;
    expect(opened.scope).toMatchObject({ cards: CARDS, count: CARDS });
    expect(await eventCount(t)).toBe(before + 1);
    const [{ bytes, type }]: Array<{ bytes: number; type: string }> = await t.dataSource.query(
      `SELECT octet_length(data::text) + octet_length(metadata::text) AS bytes, type FROM events WHERE stream_id = $1`,
      [`stocktake-${stocktakeId}`],
    );
    expect(type).toBe('StocktakeOpened');
    expect(bytes).toBeLessThan(2048);
  });

  it(
    'the sheet pages through every card in 资产编号 order, nothing repeated or skipped (by after, and by offset)',
    async () => {
      const sheet = async (query: object) => (await api(t).get(`/stocktakes/${stocktakeId}/sheet`).query(query).expect(200)).body;
      const numbers = (page: { items: Array<{ assetNo: string }> }) => page.items.map((i) => i.assetNo);
      const seen: string[] = [];
      for (let after: string | undefined; ;) {
        const page = await sheet({ limit: PAGE, ...(after ? { after } : {}) });
        expect(page).toMatchObject({ total: CARDS, offset: 0, limit: PAGE });
        if (page.items.length === 0) break;
        seen.push(...numbers(page));
        after = seen[seen.length - 1];
      }
      const all = Array.from({ length: CARDS }, (_, i) => assetNo(i));
      expect(seen).toEqual(all);
      // The same lines by offset, here and there (a page by offset alone reads every line before it).
      for (const offset of [0, 500, 54_000, CARDS - PAGE]) {
        expect(numbers(await sheet({ offset, limit: PAGE }))).toEqual(all.slice(offset, offset + PAGE));
      }
      expect(numbers(await sheet({ after: assetNo(999), offset: 10, limit: 3 }))).toEqual(all.slice(1010, 1013));
    },
    10 * MINUTES,
  );

  it(
    'a filled-in sheet with one bad row is refused whole, naming the row and column',
    async () => {
      const before = await eventCount(t);
      const res = await api(t)
        .post(`/stocktakes/${stocktakeId}/counts/import`)
        .set('Content-Type', 'text/csv')
        .send(countsFile({ row: 54_322, value: '1.5' }))
        .expect(400);
      expect(res.body).toMatchObject({ code: 'IMPORT.INVALID_ROWS', field: 'file', details: { problemCount: 1 } });
      expect(res.body.details.problems[0]).toMatchObject({ row: 54_322, column: '实盘数量', code: 'STOCKTAKE.COUNT_INVALID' });
      expect(await eventCount(t)).toBe(before);
      expect((await api(t).get(`/stocktakes/${stocktakeId}`).expect(200)).body.progress).toMatchObject({ counted: 0, uncounted: CARDS });
    },
    5 * MINUTES,
  );

  it(
    'the fixed sheet records every count in AssetsCounted events of 1,000; progress by category and location',
    async () => {
      const res = await api(t)
        .post(`/stocktakes/${stocktakeId}/counts/import`)
        .set('Content-Type', 'text/csv')
        .send(countsFile())
        .expect(200);
      expect(res.body).toMatchObject({ counted: CARDS, changed: CARDS, events: CARDS / 1000, progress: { counted: CARDS, uncounted: 0 } });
      const st = (await api(t).get(`/stocktakes/${stocktakeId}`).expect(200)).body;
      expect(st.progress).toMatchObject({ counted: CARDS, uncounted: 0, notFound: CARDS / 10 });
      expect(st.progress.byCategory).toEqual([
        { category: '通用设备（除车辆）', categoryCode: 'general_equipment', counted: CARDS, total: CARDS },
      ]);
      expect(st.progress.byLocation).toEqual(
        ['1楼', '2楼', '3楼', '4楼'].map((location) => ({ location, counted: CARDS / 4, total: CARDS / 4 })),
      );
      const missing = (await api(t).get(`/stocktakes/${stocktakeId}/sheet`).query({ status: 'missing', limit: 5 }).expect(200)).body;
      expect(missing.total).toBe(CARDS / 10);
      expect(missing.items.map((i: { assetNo: string }) => i.assetNo)).toEqual([10, 20, 30, 40, 50].map((n) => assetNo(n - 1)));
    },
    5 * MINUTES,
  );
});
