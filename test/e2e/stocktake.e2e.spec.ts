import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { accept, cardsOf, contract, planPurchase } from '../support/assets.js';
import { readSheet } from '../../src/common/spreadsheet/index.js';
import { formatYearMonth, monthIndex } from '../../src/assets/domain/year-month.js';
import { api } from '../support/http.js';
import { eventCount, readModelSnapshot } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const DEPT = '732';
const BASE = `/departments/${DEPT}/years/2024`;
const GENERAL = '通用设备（除车辆）';

type Row = { category: string; [key: string]: unknown };
const row = (body: { categories: Row[] }, category: string) => body.categories.find((c) => c.category === category)!;

/**
 * A department whose register is all cards (no opening declaration), so that a full count can
 * agree with the book: three computers from an accepted purchase, a car and a batch of cabinets
 * registered by hand, a printer disposed of before the year end and a projector acquired after it.
 */
describe(`stocktake and year-end reconciliation over HTTP (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let computers: string[];
  let car: string;
  let cabinets: string;
  let printer: string;
  let projector: string;

  const register = async (body: object) =>
    (
      await api(t)
        .post(`/departments/${DEPT}/assets`)
        .send({ source: 'purchase', acquiredOn: '2024-02-01', ...body })
        .expect(201)
    ).body.id as string;
  const open = async (asOf = '2024-12-31') => (await api(t).post(`/departments/${DEPT}/stocktakes`).send({ asOf }).expect(201)).body;
  const count = (id: string, body: object) => api(t).post(`/stocktakes/${id}/counts`).send(body);
  const reconciliation = async () => (await api(t).get(`${BASE}/reconciliation`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    await api(t).put(`${BASE}/projects/P001`).send({ name: '日常公用经费', budget: '100000.00' }).expect(200);
    const purchase = await planPurchase(t, BASE, {
      itemName: '台式计算机',
      catalogCode: 'A02010105',
      unit: '台',
      quantity: '3',
      unitPrice: '5000.00',
    });
    await contract(t, purchase, '15000.00');
    await accept(t, purchase, '3', '15000.00', '2024-04-02').expect(201);
    computers = (await cardsOf(t, DEPT)).map((c) => c.id);
    car = await register({ name: '公务用车', catalogCode: 'A02030501', originalValue: '180000.00' });
    cabinets = await register({ name: '文件柜', catalogCode: 'A05010502', quantity: 10, originalValue: '12000.00' });
    printer = await register({ name: '打印机', catalogCode: 'A02021003', originalValue: '2000.00', acquiredOn: '2023-05-01' });
    await api(t).post(`/assets/${printer}/dispose`).send({ disposedOn: '2024-09-30', method: 'scrapped', reason: '报废' }).expect(200);
    projector = await register({ name: '投影仪', catalogCode: 'A02020200', originalValue: '4000.00', acquiredOn: '2025-01-05' });
  });
  afterAll(() => t.close());

  describe('a stocktake with one card not found and one item found without a card', () => {
    let stocktake: { id: string; openedPosition: string };

    it('opens over the cards held as of asOf, recording the log position of its opening', async () => {
      stocktake = await open();
      expect(stocktake).toMatchObject({
        department: DEPT,
        budgetYear: 2024,
        asOf: '2024-12-31',
        status: 'open',
        scope: { cards: 5, count: 14, value: '207000.00', valueWan: '20.70' },
        progress: { counted: 0, uncounted: 5, notFound: 0, surplusItems: 0 },
        result: null,
      });
      const [opened] = (await api(t).get(`/streams/stocktake-${stocktake.id}`).expect(200)).body.events;
      expect(opened).toMatchObject({ type: 'StocktakeOpened', position: stocktake.openedPosition, budgetYear: 2024 });
      // The scope by reference (v2): no card listed in the event; the sheet lists them.
      expect(opened).toMatchObject({ schemaVersion: 2, data: { scope: { snapshot: expect.any(String) }, cards: 5 } });
      expect(opened.data.items).toBeUndefined();
      const sheet = (await api(t).get(`/stocktakes/${stocktake.id}/sheet`).expect(200)).body;
      expect(sheet).toMatchObject({ total: 5, offset: 0, limit: 50 });
      expect(sheet.items.map((i: { assetId: string }) => i.assetId).sort()).toEqual([...computers, car, cabinets].sort());
    });

    it('refuses counts of cards outside it (400) or unknown (404), and malformed entries, naming the field; nothing written', async () => {
      const before = await eventCount(t);
      const cases: Array<[object, number, string, string]> = [
        [{ counts: [{ assetId: printer, found: true }] }, 400, 'counts.0.assetId', 'STOCKTAKE.ASSET_NOT_IN_SCOPE'],
        [{ counts: [{ assetId: projector, found: true }] }, 400, 'counts.0.assetId', 'STOCKTAKE.ASSET_NOT_IN_SCOPE'],
        [
          {
            counts: [
              { assetId: car, found: true },
              { assetId: '00000000-0000-4000-8000-000000000000', found: true },
            ],
          },
          404,
          'counts.1.assetId',
          'ASSET.NOT_FOUND',
        ],
        [
          {
            counts: [
              { assetId: car, found: true },
              { assetId: car, found: false },
            ],
          },
          400,
          'counts.1.assetId',
          'STOCKTAKE.COUNTED_TWICE',
        ],
        [{ counts: [{ assetId: car, found: false, quantity: 1 }] }, 400, 'counts.0.quantity', 'STOCKTAKE.QUANTITY_NOT_FOUND'],
        [{ counts: [{ assetId: car, found: true, quantity: '0' }] }, 400, 'counts.0.quantity', 'QUANTITY.NOT_POSITIVE'],
        [{ counts: [{ assetId: cabinets, found: true, quantity: '9.5' }] }, 400, 'counts.0.quantity', 'ASSET.QUANTITY_NOT_WHOLE'],
        [{ counts: [{ assetId: car, found: 'yes' }] }, 400, 'counts.0.found', 'VALIDATION.TYPE'],
        [{ counts: [{ assetId: car, found: true, extra: 1 }] }, 400, 'counts.0.extra', 'VALIDATION.UNKNOWN_FIELD'],
        [{ counts: [{ assetId: 'car', found: true }] }, 400, 'counts.0.assetId', 'ASSET.INVALID_ID'],
        [
          { unknownItems: [{ name: '保洁服务', catalogCode: 'C21040000', quantity: 1, estimatedValue: '1.00' }] },
          400,
          'unknownItems.0.catalogCode',
          'ASSET.NOT_GOODS',
        ],
        [
          { unknownItems: [{ name: '柜子', catalogCode: 'A05010502', quantity: 1, estimatedValue: '-1.00' }] },
          400,
          'unknownItems.0.estimatedValue',
          'MONEY.NEGATIVE',
        ],
        [{}, 400, 'counts', 'STOCKTAKE.NOTHING_COUNTED'],
      ];
      for (const [body, status, field, code] of cases) {
        const res = await count(stocktake.id, body).expect(status);
        expect({ field: res.body.field, code: res.body.code }).toEqual({ field, code });
      }
      expect(await eventCount(t)).toBe(before);
    });

    it('closing with cards still uncounted lists them apart: neither shortage nor physical', async () => {
      const partial = await open();
      await count(partial.id, { counts: [{ assetId: car, found: true }] }).expect(200);
      const res = await api(t).post(`/stocktakes/${partial.id}/close`).expect(200);
      expect(res.body.result.shortages).toEqual([]);
      expect(res.body.result.uncounted.map((u: { assetId: string }) => u.assetId).sort()).toEqual([...computers, cabinets].sort());
      expect(res.body.result.total).toMatchObject({
        book: { count: 14 },
        uncounted: { count: 13 },
        shortage: { count: 0 },
        physical: { count: 1 },
      });
      await count(stocktake.id, { counts: [{ assetId: car, found: true }] }).expect(200);
    });

    it('counts in bulk (a recount replaces the earlier count) and closes with the shortage and the surplus per card and category', async () => {
      const counted = await count(stocktake.id, {
        counts: [
          { assetId: computers[0], found: true },
          { assetId: computers[1], found: true },
          { assetId: computers[2], found: true },
          { assetId: cabinets, found: true, quantity: 10, note: '二楼' },
        ],
        unknownItems: [{ name: '文件柜', catalogCode: 'A05010502', quantity: 1, estimatedValue: '800.00', note: '库房发现' }],
      }).expect(200);
      expect(counted.body.progress).toEqual({ counted: 5, uncounted: 0, notFound: 0, surplusItems: 1 });
      const recount = await count(stocktake.id, { counts: [{ assetId: computers[2], found: false, note: '未找到' }] }).expect(200);
      expect(recount.body.progress).toMatchObject({ notFound: 1 });
      const before = await eventCount(t);
      await count(stocktake.id, { counts: [{ assetId: computers[2], found: false, note: '未找到' }] }).expect(200);
      expect(await eventCount(t)).toBe(before);

      const closed = (await api(t).post(`/stocktakes/${stocktake.id}/close`).expect(200)).body;
      expect(closed).toMatchObject({ status: 'closed', closedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(closed.result.shortages).toEqual([{ assetId: computers[2], category: GENERAL, quantity: '1', value: '5000.00' }]);
      expect(closed.result.surpluses).toEqual([
        { assetId: null, itemId: expect.any(String), name: '文件柜', category: '家具用具', quantity: '1', value: '800.00' },
      ]);
      expect(row(closed.result, GENERAL)).toMatchObject({
        book: { count: 3, value: '15000.00' },
        shortage: { count: 1, value: '5000.00' },
        surplus: { count: 0, value: '0.00' },
        physical: { count: 2, value: '10000.00' },
      });
      expect(row(closed.result, '家具用具')).toMatchObject({
        book: { count: 10, value: '12000.00' },
        surplus: { count: 1, value: '800.00' },
        physical: { count: 11, value: '12800.00' },
      });
      expect(closed.result.total).toMatchObject({ book: { count: 14, value: '207000.00' }, physical: { count: 14, value: '202800.00' } });
      const got = (await api(t).get(`/stocktakes/${stocktake.id}`).expect(200)).body;
      const { byCategory, byLocation, ...progress } = got.progress;
      expect({ ...got, progress }).toEqual(closed);
      expect(byCategory.map((c: { category: string; counted: number; total: number }) => [c.category, c.counted, c.total])).toEqual([
        ['车辆', 1, 1],
        [GENERAL, 3, 3],
        ['家具用具', 1, 1],
      ]);
      expect(byLocation).toEqual([{ location: null, counted: 5, total: 5 }]);
    });

    it('a closed stocktake never changes: counting or closing again is 409', async () => {
      const before = await eventCount(t);
      expect((await count(stocktake.id, { counts: [{ assetId: car, found: false }] }).expect(409)).body.code).toBe('STOCKTAKE.CLOSED');
      expect((await api(t).post(`/stocktakes/${stocktake.id}/close`).expect(409)).body.code).toBe('STOCKTAKE.CLOSED');
      expect(await eventCount(t)).toBe(before);
    });

    it('the reconciliation shows them by category and is not balanced', async () => {
      const res = await reconciliation();
      expect(res).toMatchObject({
        department: DEPT,
        year: 2024,
        openingAsOf: '2023-12-31',
        closingAsOf: '2024-12-31',
        stocktake: { id: stocktake.id },
        ledgerDeclared: false,
        balanced: false,
      });
      expect(row(res, GENERAL)).toEqual({
        category: GENERAL,
        categoryCode: 'general_equipment',
        opening: { count: 1, value: '2000.00', valueWan: '0.20' },
        acquisitions: { count: 3, value: '15000.00', valueWan: '1.50' },
        disposals: { count: 1, value: '2000.00', valueWan: '0.20' },
        closingBook: { count: 3, value: '15000.00', valueWan: '1.50' },
        uncarded: { count: 0, value: '0.00', valueWan: '0.00' },
        physical: {
          count: 2,
          value: '10000.00',
          valueWan: '1.00',
          shortage: { count: 1, value: '5000.00', valueWan: '0.50' },
          surplus: { count: 0, value: '0.00', valueWan: '0.00' },
          uncardedCounted: { count: 0, value: '0.00', valueWan: '0.00' },
        },
        ledger: null,
        differences: { bookMinusPhysical: { count: 1, value: '5000.00', valueWan: '0.50' }, bookMinusLedger: null },
        // No depreciation month posted: the closing book's 净值 is its 原值.
        closingBookNetValue: {
          accumulatedDepreciation: '0.00',
          accumulatedDepreciationWan: '0.00',
          netValue: '15000.00',
          netValueWan: '1.50',
        },
      });
      expect(row(res, '家具用具')).toMatchObject({
        physical: { count: 11, surplus: { count: 1, value: '800.00' } },
        differences: { bookMinusPhysical: { count: -1, value: '-800.00' } },
      });
      expect(row(res, '车辆')).toMatchObject({
        closingBook: { count: 1, value: '180000.00' },
        differences: { bookMinusPhysical: { count: 0, value: '0.00' } },
      });
    });
  });

  describe('everything found and ledger balances equal to the book', () => {
    it('a later full count and the ledger make the year balanced', async () => {
      const stocktake = await open();
      await count(stocktake.id, { counts: [...computers, car, cabinets].map((assetId) => ({ assetId, found: true })) }).expect(200);
      await api(t).post(`/stocktakes/${stocktake.id}/close`).expect(200);

      const unbalanced = await reconciliation();
      expect(unbalanced).toMatchObject({ stocktake: { id: stocktake.id }, ledgerDeclared: false, balanced: false });

      const ledger = await api(t)
        .put(`${BASE}/ledger-balances`)
        .send({
          categories: [
            { category: GENERAL, value: '15000.00' },
            { category: 'vehicles', value: '180000.00' },
            { category: '家具用具', value: '12000.00' },
          ],
        })
        .expect(200);
      expect(ledger.body).toMatchObject({ department: DEPT, year: 2024, total: { value: '207000.00', valueWan: '20.70' } });
      expect(ledger.body.categories).toHaveLength(10);
      const before = await eventCount(t);
      await api(t)
        .put(`${BASE}/ledger-balances`)
        .send({
          categories: [
            { category: 'vehicles', value: '180000.00' },
            { category: GENERAL, value: '15000.00' },
            { category: '家具用具', value: '12000.00' },
          ],
        })
        .expect(200);
      expect(await eventCount(t)).toBe(before);

      const res = await reconciliation();
      expect(res.balanced).toBe(true);
      expect(res.total).toMatchObject({
        closingBook: { count: 14, value: '207000.00' },
        physical: { count: 14, value: '207000.00' },
        ledger: { value: '207000.00', valueWan: '20.70' },
        differences: { bookMinusPhysical: { count: 0, value: '0.00' }, bookMinusLedger: { value: '0.00' } },
      });
    });

    it('a ledger balance that differs from the book unbalances it again', async () => {
      await api(t)
        .put(`${BASE}/ledger-balances`)
        .send({
          categories: [
            { category: GENERAL, value: '15000.00' },
            { category: 'vehicles', value: '180000.00' },
          ],
        })
        .expect(200);
      const res = await reconciliation();
      expect(res.balanced).toBe(false);
      expect(row(res, '家具用具')).toMatchObject({ ledger: { value: '0.00' }, differences: { bookMinusLedger: { value: '12000.00' } } });
    });

    it('ledger balances reject unknown categories and bad money, naming the field', async () => {
      expect(
        (
          await api(t)
            .put(`${BASE}/ledger-balances`)
            .send({ categories: [{ category: 'ships', value: '1.00' }] })
            .expect(400)
        ).body.field,
      ).toBe('categories.0.category');
      expect(
        (
          await api(t)
            .put(`${BASE}/ledger-balances`)
            .send({ categories: [{ category: '车辆', value: '-1.00' }] })
            .expect(400)
        ).body.field,
      ).toBe('categories.0.value');
    });
  });

  it('rejects a stocktake as of a malformed or future date, and unknown ids', async () => {
    expect((await api(t).post(`/departments/${DEPT}/stocktakes`).send({ asOf: '2024-12-32' }).expect(400)).body.field).toBe('asOf');
    expect((await api(t).post(`/departments/${DEPT}/stocktakes`).send({ asOf: '2999-12-31' }).expect(400)).body.field).toBe('asOf');
    await api(t).get('/stocktakes/00000000-0000-4000-8000-000000000000').expect(404);
    await api(t).post('/stocktakes/00000000-0000-4000-8000-000000000000/close').expect(404);
  });

  it('rebuilding the read models from the log gives identical tables', async () => {
    const before = await readModelSnapshot(t);
    expect(before.stocktakes).toHaveLength(3);
    expect(before.stocktake_items).toHaveLength(0);
    expect(before.stocktake_counts.length).toBeGreaterThan(0);
    expect(before.asset_ledger_balances).toHaveLength(10);
    await api(t).post('/admin/read-models/rebuild').expect(200);
    expect(await readModelSnapshot(t)).toEqual(before);
  });

  describe('count sheets', () => {
    let id: string;
    let numbers: Map<string, string>;
    const sheetOf = async (query: object = {}) => (await api(t).get(`/stocktakes/${id}/sheet`).query(query).expect(200)).body;
    const importCounts = (lines: string[]) =>
      api(t)
        .post(`/stocktakes/${id}/counts/import`)
        .set('Content-Type', 'text/csv')
        .send(Buffer.from(['资产编号,资产名称,实盘数量,备注', ...lines].join('\r\n'), 'utf8'));

    beforeAll(async () => {
      await api(t).post(`/assets/${car}/move`).send({ location: '车库', custodian: '李四' }).expect(200);
      // Months post in order from the department's first charged one (the printer's, June 2023)
      // through June 2024: the car (8 years, from March 2024) is charged four months of 1875.00.
      for (let month = monthIndex(2023, 6); month <= monthIndex(2024, 6); month++) {
        await api(t)
          .post(`/departments/${DEPT}/depreciation/${formatYearMonth(month)}`)
          .expect(200);
      }
      id = (await open()).id;
      numbers = new Map((await sheetOf()).items.map((i: { assetId: string; assetNo: string }) => [i.assetId, i.assetNo]));
    });

    it('lists the cards to count with book and latest count, filtered by location, custodian, category and status', async () => {
      const all = await sheetOf();
      expect(all.total).toBe(5);
      expect(all.items.map((i: { assetNo: string }) => i.assetNo)).toEqual([...numbers.values()].sort());
      expect((await sheetOf({ location: '车库' })).items).toEqual([
        {
          assetId: car,
          assetNo: numbers.get(car),
          name: '公务用车',
          category: '车辆',
          categoryCode: 'vehicles',
          location: '车库',
          custodian: '李四',
          unit: null,
          bookQuantity: '1',
          bookValue: '180000.00',
          bookAccumulatedDepreciation: '7500.00',
          bookNetValue: '172500.00',
          count: null,
        },
      ]);
      // The same figures as the card's own as of the stocktake's date, for every line.
      for (const line of all.items as Array<{ assetId: string; bookAccumulatedDepreciation: string; bookNetValue: string }>) {
        const card = (await api(t).get(`/assets/${line.assetId}`).query({ asOf: '2024-12-31' }).expect(200)).body;
        expect([line.bookAccumulatedDepreciation, line.bookNetValue]).toEqual([card.accumulatedDepreciation, card.netValue]);
      }
      expect((await sheetOf({ custodian: '李四' })).total).toBe(1);
      expect((await sheetOf({ category: 'general_equipment' })).total).toBe(3);
      expect((await sheetOf({ status: 'uncounted', offset: 4, limit: 2 })).items).toHaveLength(1);
      expect((await api(t).get(`/stocktakes/${id}/sheet`).query({ status: 'lost' }).expect(400)).body.field).toBe('status');
    });

    it('exports the sheet as xlsx and csv with Chinese headers', async () => {
      const xlsx = await api(t)
        .get(`/stocktakes/${id}/sheet.xlsx`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.headers['content-disposition']).toContain("filename*=UTF-8''");
      const rows = await readSheet(xlsx.body as Buffer);
      expect(rows[0].cells).toEqual([
        '资产编号',
        '资产名称',
        '资产分类',
        '存放地点',
        '使用人',
        '计量单位',
        '账面数量',
        '账面原值（元）',
        '累计折旧（元）',
        '净值（元）',
        '实盘数量',
        '备注',
      ]);
      expect(rows).toHaveLength(6);
      const carRow = rows.find((r) => r.cells[0] === numbers.get(car))!;
      // Numeric cells: read back as numbers, not as the 元 strings.
      expect(carRow.cells.slice(7, 10)).toEqual(['180000', '7500', '172500']);
      const csv = await api(t).get(`/stocktakes/${id}/sheet.csv`).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const carLine = csv.text.split('\r\n').find((l) => l.startsWith(`${numbers.get(car)},`));
      expect(carLine).toBe(`${numbers.get(car)},公务用车,车辆,车库,李四,,1,180000.00,7500.00,172500.00,,`);
    });

    it('a filled-in sheet with bad rows is refused whole, every bad row named; fixed, it records the counts', async () => {
      const [pc1, pc2, pc3] = computers.map((c) => numbers.get(c)!);
      const before = await eventCount(t);
      const bad = await importCounts([`${pc1},,1,`, `${pc2},,一,`, `${pc3},,1,`, `NOPE-1,,1,`, `${pc1},,1,`]).expect(400);
      expect(bad.body).toMatchObject({ code: 'IMPORT.INVALID_ROWS', field: 'file' });
      expect(bad.body.details.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code])).toEqual([
        [3, '实盘数量', 'STOCKTAKE.COUNT_INVALID'],
        [5, '资产编号', 'STOCKTAKE.ASSET_NOT_IN_SCOPE'],
        [6, '资产编号', 'STOCKTAKE.COUNTED_TWICE'],
      ]);
      expect(await eventCount(t)).toBe(before);

      const ok = await importCounts([`${pc1},,1,`, `${pc2},,0,不见了`, `${numbers.get(cabinets)},,,`]).expect(200);
      expect(ok.body).toEqual({ stocktakeId: id, counted: 2, changed: 2, events: 1, progress: { cards: 5, counted: 2, uncounted: 3 } });
      expect((await importCounts([`${pc1},,1,`]).expect(200)).body).toMatchObject({ changed: 0, events: 0 });
      expect((await sheetOf({ status: 'missing' })).items).toEqual([
        expect.objectContaining({ assetId: computers[1], count: { found: false, quantity: '0', note: '不见了' } }),
      ]);
      expect((await sheetOf({ status: 'found' })).items.map((i: { assetId: string }) => i.assetId)).toEqual([computers[0]]);
      const csv = await api(t).get(`/stocktakes/${id}/sheet.csv`).query({ status: 'missing' }).expect(200);
      // Two months of floor(500000 / 72) fen: acquired in April, charged from May.
      expect(csv.text.split('\r\n')[1]).toBe(`${pc2},台式计算机,通用设备（除车辆）,,,台,1,5000.00,138.88,4861.12,0,不见了`);
    });

    it('rebuilding the read models gives the same sheet', async () => {
      const before = await readModelSnapshot(t);
      await api(t).post('/admin/read-models/rebuild').expect(200);
      expect(await readModelSnapshot(t)).toEqual(before);
    });
  });

  // Logs written before StocktakeOpened v2 list every card in the event; those stocktakes must
  // still rebuild, page and take counts, through the v1 → v2 upcaster and the listed-scope path.
  it('a stocktake opened as v1 (its cards listed in the event) rebuilds, pages its sheet and takes counts', async () => {
    const id = '5b0c2f3e-1d4a-4e8b-9c7d-6a5f4e3d2c1b';
    const line = async (assetId: string) => {
      const card = (await api(t).get(`/assets/${assetId}`).expect(200)).body;
      return { assetId, category: card.category, quantity: String(card.quantity), value: card.originalValue };
    };
    const items = [await line(car), await line(cabinets)];
    await t.dataSource.query(
      `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, department, budget_year, occurred_at)
       VALUES (gen_random_uuid(), $1, 1, 'StocktakeOpened', 1, $2::jsonb, '{"actor":{"id":"test","kind":"system"},"correlationId":"v1-log","causationId":null}'::jsonb, $3, 2024, now())`,
      [`stocktake-${id}`, JSON.stringify({ stocktakeId: id, asOf: '2024-12-31', items, book: { count: 11, value: '192000.00' } }), DEPT],
    );
    await t.dataSource.query(
      `INSERT INTO streams (stream_id, version, department, last_transaction_id) VALUES ($1, 1, $2, pg_current_xact_id())`,
      [`stocktake-${id}`, DEPT],
    );
    await api(t).post('/admin/read-models/rebuild').expect(200);
    const st = (await api(t).get(`/stocktakes/${id}`).expect(200)).body;
    expect(st).toMatchObject({
      status: 'open',
      scope: { cards: 2, count: 11, value: '192000.00' },
      progress: { counted: 0, uncounted: 2 },
    });
    const sheet = (await api(t).get(`/stocktakes/${id}/sheet`).expect(200)).body;
    const cards = await cardsOf(t, DEPT);
    const numberOf = (assetId: string) => String(cards.find((c) => c.id === assetId)!.assetNo);
    expect(sheet.items.map((i: { assetId: string; assetNo: string }) => [i.assetId, i.assetNo])).toEqual(
      [car, cabinets].map((a) => [a, numberOf(a)]).sort((a, b) => (a[1] < b[1] ? -1 : 1)),
    );
    const counted = (await count(id, { counts: [{ assetId: car, found: true }] }).expect(200)).body;
    expect(counted).toMatchObject({ version: 2, progress: { counted: 1, uncounted: 1 } });
    const before = await readModelSnapshot(t);
    await api(t).post('/admin/read-models/rebuild').expect(200);
    expect(await readModelSnapshot(t)).toEqual(before);
  });
});
