import { basicExpenditureTable, fixedAssetsTable, procurementTable } from './export-tables.js';
import { roundingNote } from './official-table.js';

const DEPT = { code: '731', name: '秦皇岛市科学技术协会' };

describe('export tables', () => {
  describe('rounding to 万元', () => {
    it('given rows that round up on their own, when the total is rounded once from fen, then a note says they differ', () => {
      // Three rows of 50 元 (0.005 万元 each → 0.01), total 150 元 (0.015 万元 → 0.02).
      expect(roundingNote('价值', [5_000n, 5_000n, 5_000n], 15_000n)).toBe(
        '注：价值各行按万元四舍五入后之和为 0.03，合计按元计算后四舍五入为 0.02，相差 -0.01 万元。',
      );
    });

    it('given rows whose rounded values add up, then there is no note', () => {
      expect(roundingNote('价值', [190_000n, 100_000n], 290_000n)).toBeNull();
    });

    it('given such holdings, the table keeps every row as rounded and adds the note (no row fudged)', () => {
      const table = fixedAssetsTable(DEPT, '2023-12-31', [
        { category: '车辆', count: 1n, value: 5_000n },
        { category: '家具用具', count: 1n, value: 5_000n },
        { category: '图书档案', count: 1n, value: 5_000n },
        { category: '土地', count: 0n, value: 0n },
      ]);
      expect(table.rows).toEqual([
        ['车辆', { count: 1n }, { fen: 5_000n }],
        ['家具用具', { count: 1n }, { fen: 5_000n }],
        ['图书档案', { count: 1n }, { fen: 5_000n }],
        ['合计', { count: 3n }, { fen: 15_000n }],
      ]);
      expect(table.notes).toHaveLength(1);
      expect(table.titles[1]).toBe('731 秦皇岛市科学技术协会 截止时间：2023-12-31');
    });
  });

  it('procurement: 合计 and 小计 from fen, rows grouped by project and catalog code, blank funding columns', () => {
    const row = (projectCode: string, catalogCode: string, fen: bigint) => ({
      projectCode,
      itemName: catalogCode,
      catalogCode,
      unit: '个',
      quantity: '1',
      unitPrice: fen,
      amount: fen,
      funding: { general_budget: fen },
      smeReserved: 0n,
    });
    const table = procurementTable(
      DEPT,
      2024,
      [row('B', 'C2', 10_000n), row('A', 'C9', 20_000n), row('A', 'A1', 30_000n)],
      new Map([
        ['A', { name: '甲项目', budget: 50_000n }],
        ['B', { name: '乙项目', budget: 10_000n }],
      ]),
    );
    expect(table.rows[0]).toEqual([
      '合计',
      null,
      null,
      null,
      null,
      null,
      null,
      { fen: 60_000n },
      { fen: 60_000n },
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(table.rows[1].slice(0, 3)).toEqual(['秦皇岛市科学技术协会本级', null, '小计']);
    expect(table.rows.slice(2).map((r) => [r[0], r[3]])).toEqual([
      ['乙项目', 'C2'],
      ['甲项目', 'A1'],
      ['甲项目', 'C9'],
    ]);
    expect(table.header[0]).toHaveLength(15);
    expect(table.notes).toEqual([]);
  });

  it('basic expenditure: 合计 is the sum of the 类 lines; 款 lines sort under their 类', () => {
    const table = basicExpenditureTable(DEPT, 2024, [
      { economicCode: '31002', name: '办公设备购置', amount: 190_000n },
      { economicCode: '302', name: '商品和服务支出', amount: 100_000n },
      { economicCode: '310', name: '资本性支出', amount: 190_000n },
    ]);
    expect(table.rows.map((r) => r[0])).toEqual(['合计', '302', '310', '31002']);
    expect(table.rows[0][2]).toEqual({ fen: 290_000n });
  });
});
