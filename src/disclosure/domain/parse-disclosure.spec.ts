import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatWanYuan } from '../../common/money/money.js';
import { derivedProjectCode } from './derived-project-code.js';
import { parseDisclosure } from './parse-disclosure.js';

const SEED = readFileSync(
  fileURLToPath(new URL('../../../test/fixtures/qhd-kexie-731-2024-budget-disclosure.txt', import.meta.url)),
  'utf8',
);
const wan = (fen: bigint | null | undefined) => (fen === null || fen === undefined ? null : formatWanYuan(fen));

describe('parseDisclosure', () => {
  describe('given the published 2024 disclosure of department 731', () => {
    const document = parseDisclosure(SEED);

    it('reads the header, and finds nothing unreadable or inconsistent', () => {
      expect(document.header).toEqual({
        line: 2,
        department: '731',
        departmentName: '秦皇岛市科学技术协会',
        kind: '预算',
        budgetYear: 2024,
        unit: '万元',
      });
      expect(document.errors).toEqual([]);
      expect(document.inconsistencies).toEqual([]);
    });

    it('re-joins the 政府采购预算 cells the PDF split across lines and pages (C23120 + 301, 车辆维 + 修和保 + 养服务, page headers inside)', () => {
      const rows = document.procurement!.rows.map((r) => [
        r.line,
        r.projectName,
        wan(r.projectBudget),
        r.itemName,
        r.catalogCode,
        r.unit,
        r.quantity.toString(),
        wan(r.unitPrice),
        wan(r.amount),
        Object.fromEntries(Object.entries(r.funding).map(([k, v]) => [k, wan(v)])),
        wan(r.smeReserved),
      ]);
      const daily = '2024年初预算日常公用经费项目（三保）';
      const gb = (x: string) => ({ general_budget: x });
      expect(rows).toEqual([
        [1280, daily, '21.16', '碎纸机', 'A02021301', '个', '1', '0.19', '0.19', gb('0.19'), '0.19'],
        [1367, daily, '21.16', '财产保险服务', 'C18040102', '辆', '1', '0.10', '0.10', gb('0.10'), '0.10'],
        [1391, daily, '21.16', '其他印刷服务', 'C23090199', '批', '1', '0.18', '0.18', gb('0.18'), '0.18'],
        [1482, daily, '21.16', '车辆维修和保养服务', 'C23120301', '辆', '1', '0.50', '0.50', gb('0.50'), '0.50'],
        [1509, daily, '21.16', '车辆加油、添加燃料服务', 'C23120302', '辆', '1', '1.17', '1.17', gb('1.17'), '1.17'],
        [1538, '科协物业管理费', '15.00', '物业管理服务', 'C21040000', '年', '1', '15.00', '15.00', gb('15.00'), '15.00'],
      ]);
      expect(wan(document.procurement!.total)).toBe('17.14');
      expect(wan(document.procurement!.declaredTotal)).toBe('17.14');
    });

    it('reads the 基本支出 lines with their parents, the projects, the income, the holdings and the declared 0.19', () => {
      const lines = document.basicExpenditure!.lines;
      expect(lines).toHaveLength(33);
      expect(lines.filter((l) => l.economicCode.startsWith('302') && l.economicCode.length === 5)).toHaveLength(16);
      const amount = (code: string) => wan(lines.find((l) => l.economicCode === code)!.amount);
      expect([amount('302'), amount('310'), amount('31002'), amount('30231')]).toEqual(['52.47', '0.19', '0.19', '1.81']);
      expect(wan(document.basicExpenditure!.total)).toBe('554.64');
      expect(document.projects.map((p) => [p.projectCode, wan(p.budget)])).toEqual([
        ['13030024P00RRF8100023', '15.00'],
        ['13030024P00812010001E', '7.00'],
        ['13030024P00811910001A', '48.00'],
        ['13030024P00809110001Y', '40.00'],
        ['13030024P008090100019', '4.00'],
      ]);
      expect(document.projects[0].name).toBe('科协物业管理费');
      // A name wrapped over three lines, joined.
      expect(document.projects[3].name).toBe(
        '提前下达2024年支持市县科技创新和科学普及专项资金-科创中国科创河北试点城市建设（冀财教【2023】149号）',
      );
      expect(wan(document.income!.parts.general_budget)).toBe('668.64');
      expect(document.holdings!.asOf).toBe('2023-12-31');
      expect(document.holdings!.rows.map((r) => [r.category, r.count, wan(r.value)])).toEqual([
        ['房屋建筑物及构筑物', 4n, '30.00'],
        ['通用设备（除车辆）', 101n, '59.12'],
        ['车辆', 1n, '21.36'],
        ['家具用具', 346n, '19.52'],
      ]);
      expect(document.holdings!.total).toEqual({ line: 1574, count: 452n, value: 1_300_000_000n / 10n });
      // "本年度拟购置固定资产总" / "额为 0.19万元": a sentence broken across lines.
      expect(document.plannedAssetPurchases).toEqual({ line: 1557, amount: 190_000n });
    });

    it('skips the tables it does not import, naming each', () => {
      expect(document.skipped).toEqual([
        { line: 86, reason: 'table 部门预算收入总表 is not imported' },
        { line: 157, reason: 'table 部门预算支出总表 is not imported' },
        { line: 198, reason: 'table 部门预算财政拨款收支总表 is not imported' },
        { line: 309, reason: 'table 部门预算一般公共预算财政拨款支出表 is not imported' },
        { line: 424, reason: 'table 部门预算政府性基金预算财政拨款支出表 is not imported' },
        { line: 436, reason: 'table 部门预算国有资本经营预算财政拨款支出表 is not imported' },
        { line: 448, reason: 'table 部门预算财政拨款“三公”经费支出表 is not imported' },
      ]);
    });
  });

  describe('given the seed with a damaged figure', () => {
    const replace = (line: number, from: string, to: string) => {
      const lines = SEED.split('\n');
      lines[line - 1] = lines[line - 1].replace(from, to);
      return lines.join('\n');
    };

    it('a corrupted amount names its line', () => {
      const document = parseDisclosure(replace(1298, '个 1 0.19 0.19 0.19 0.19', '个 1 0.19 0.1a9 0.19 0.19'));
      expect(document.errors).toEqual([{ line: 1298, reason: '政府采购预算: "0.1a9" is not an amount in 万元 with 2 decimals' }]);
    });

    it('a line that no longer adds up to its parent is an inconsistency', () => {
      const document = parseDisclosure(replace(375, '14 30201 办公费 1.62 1.62', '14 30201 办公费 1.72 1.72'));
      expect(document.inconsistencies).toEqual([
        { line: 373, reason: '基本支出表: the lines of 302 商品和服务支出 add up to 52.57 万元, the line says 52.47' },
      ]);
    });

    it('a project whose 预算资金 in the procurement table disagrees with 七、部门项目预算 is an inconsistency', () => {
      const document = parseDisclosure(replace(813, '预算数 15.00', '预算数 16.00'));
      expect(document.inconsistencies).toEqual([{ line: 1538, reason: expect.stringContaining('(line 810) says 16.00') }]);
    });

    it('a holdings table whose categories disagree with 合计 is an inconsistency', () => {
      const document = parseDisclosure(replace(1572, '家具用具 346 19.52', '家具用具 346 19.62'));
      expect(document.inconsistencies.map((n) => n.line)).toEqual([1574]);
    });
  });

  describe('given other layouts', () => {
    it('amounts in 元 with thousands separators are read exactly', () => {
      const document = parseDisclosure(
        [
          '部门预算一般公共预算财政拨款基本支出表',
          '101 某某局 预算年度：2025 单位：元',
          '1 合计 1,234,567.80 1,234,567.80',
          '2 310 资本性支出 1,234,567.80 1,234,567.80',
          '3 31002 办公设备购置 1,234,567.80 1,234,567.80',
        ].join('\n'),
      );
      expect(document.header).toMatchObject({ department: '101', unit: '元', budgetYear: 2025 });
      expect(document.errors).toEqual([]);
      expect(document.basicExpenditure!.lines.map((l) => [l.economicCode, l.amount])).toEqual([
        ['310', 123_456_780n],
        ['31002', 123_456_780n],
      ]);
    });

    it('procurement as narrative text (货物/工程/服务, no catalog codes) is not invented into rows', () => {
      const document = parseDisclosure(
        [
          '102 某某中心 预算年度：2024 单位：万元',
          '八、政府采购预算情况',
          '2024年，本部门安排政府采购预算 30.00万元，其中：货物类 10.00万元，工程类 15.00万元，服务类 5.00万元。',
          '部门政府采购预算',
          '政府采购项目来源',
          '上年结转结余',
          '办公设备 台 2 5.00 10.00 10.00',
        ].join('\n'),
      );
      expect(document.procurement!.rows).toEqual([]);
      expect(document.errors).toEqual([{ line: 7, reason: expect.stringContaining('no project 预算资金') }]);
    });

    it('a row without a catalog code is reported, not imported', () => {
      const document = parseDisclosure(
        ['103 某某所 预算年度：2024 单位：万元', '部门政府采购预算', '日常公用经费 3.00 打印机', '台 1 0.30 0.30 0.30'].join('\n'),
      );
      expect(document.procurement!.rows).toEqual([]);
      expect(document.errors).toEqual([{ line: 3, reason: expect.stringContaining('no 政府采购目录序号') }]);
    });

    it('a 决算 is read as one and nothing of it is taken as a budget', () => {
      const document = parseDisclosure(
        [
          '部门决算收支总表',
          '731 秦皇岛市科学技术协会 决算年度：2023 单位：万元',
          '1 一、一般公共预算拨款收入 600.00',
          '部门固定资产占用情况表',
        ].join('\n'),
      );
      expect(document.header).toMatchObject({ kind: '决算', budgetYear: 2023 });
      expect(document.income).toBeNull();
      expect(document.holdings).toBeNull();
      expect(document.skipped).toEqual([
        { line: 1, reason: 'table 部门决算收支总表 is not imported' },
        { line: 4, reason: '部门固定资产占用情况表: a 决算 (final accounts) is not imported as a budget' },
      ]);
    });

    it('text that is no disclosure at all, binary noise or nothing, gives a report and never throws', () => {
      for (const text of ['', 'hello', '\u0001\u0002\uFFFD'.repeat(100), '部门政府采购预算\n合 计 x y z\n小计\n']) {
        const document = parseDisclosure(text);
        expect(document.header).toBeNull();
        expect(document.errors).toHaveLength(1);
      }
    });
  });

  describe('derivedProjectCode', () => {
    it('is the same for the same department, year and name, and differs otherwise', () => {
      const code = derivedProjectCode('731', 2024, '2024年初预算日常公用经费项目（三保）');
      expect(code).toMatch(/^X-731-2024-[0-9a-f]{12}$/);
      expect(derivedProjectCode('731', 2024, '2024年初预算日常公用经费项目（三保）')).toBe(code);
      expect(derivedProjectCode('731', 2025, '2024年初预算日常公用经费项目（三保）')).not.toBe(code);
      expect(derivedProjectCode('731', 2024, '科协物业管理费')).not.toBe(code);
    });
  });
});
