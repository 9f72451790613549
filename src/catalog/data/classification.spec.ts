import { describe, expect, it } from '@jest/globals';
import { CapitalizationThresholds, Classifier } from '../domain/classification.js';
import { loadCatalog } from '../infrastructure/catalog.loader.js';
import { CLASSIFICATION_2024 } from './classification.js';

const catalog = loadCatalog();
const classifier = new Classifier(CLASSIFICATION_2024);
const thresholds = new CapitalizationThresholds(100000n, 150000n);

const category = (code: string) => classifier.assetCategoryOf(code)?.name;
const line = (code: string) => classifier.economicLineOf(code)?.code;

describe('classification tables of 2024', () => {
  it.each([
    ['A02021301', '碎纸机', '通用设备（除车辆）', '31002'],
    ['A02010105', '台式计算机', '通用设备（除车辆）', '31002'],
    ['A02010108', '便携式计算机', '通用设备（除车辆）', '31002'],
    ['A02010104', '服务器', '通用设备（除车辆）', '31007'],
    ['A02010201', '路由器', '通用设备（除车辆）', '31007'],
    ['A02010301', '防火墙', '通用设备（除车辆）', '31007'],
    ['A02010508', '移动存储设备', '通用设备（除车辆）', '31002'],
    ['A02030501', '轿车', '车辆', '31013'],
    ['A02030502', '越野车', '车辆', '31013'],
    ['A02030610', '警车', '车辆', '31019'],
    ['A02030701', '两轮摩托车', '车辆', '31019'],
    ['A02320100', '手术器械', '专用设备', '31003'],
    ['A02470100', '成套游乐场设备', '专用设备', '31003'],
    ['A01010100', '办公用房', '房屋建筑物及构筑物', '31001'],
    ['A01030100', '境外土地', '土地', '31099'],
    ['A03020000', '可移动文物', '文物和陈列品', '31021'],
    ['A04010100', '普通图书', '图书档案', '31099'],
    ['A05010300', '椅凳类', '家具用具', '31002'],
    ['A06010100', '实验用动物', '特种动植物', '31099'],
    ['A08010100', '专利', '无形资产', '31022'],
    ['A08060300', '计算机软件', '无形资产', '31007'],
  ])('%s %s → %s / %s', (code, name, expectedCategory, expectedLine) => {
    expect(catalog.get(code).name).toBe(name);
    expect(category(code)).toBe(expectedCategory);
    expect(line(code)).toBe(expectedLine);
  });

  it.each([
    ['A05040101', '复印纸', '30201'],
    ['A07100200', '纸及纸板', undefined],
  ])('consumable %s %s has no asset category (line %s)', (code, name, expectedLine) => {
    expect(catalog.get(code).name).toBe(name);
    expect(category(code)).toBeUndefined();
    expect(line(code)).toBe(expectedLine);
  });

  it.each([
    ['C23120301', '30231', '公务用车运行维护费'],
    ['C23120302', '30231', '公务用车运行维护费'],
    ['C23120303', '30231', '公务用车运行维护费'],
    ['C18040102', '30231', '公务用车运行维护费'],
    ['C21040000', '30209', '物业管理费'],
    ['C23090199', '30202', '印刷费'],
    ['C23090101', '30202', '印刷费'],
    ['C23120100', '30213', '维修（护）费'],
    ['C23120800', '30213', '维修（护）费'],
    ['C16070200', '30213', '维修（护）费'],
  ])('service %s → %s %s', (code, expectedLine, name) => {
    expect(catalog.get(code).type).toBe('services');
    expect(classifier.economicLineOf(code)).toEqual({ code: expectedLine, name });
    expect(category(code)).toBeUndefined();
  });

  it('gives unmapped services and most works no line', () => {
    expect(line('C23090200')).toBeUndefined(); // 出版服务 is not printing
    expect(line('C18040101')).toBeUndefined(); // 人寿保险
    expect(line('C01010000')).toBeUndefined();
    expect(line('B08010000')).toBeUndefined(); // 房屋修缮: 30213 or 31006 depending on scale
    expect(line('B01010000')).toBe('31001');
  });

  it('gives every categorised goods code a 310 line, and only goods a category', () => {
    const missing = catalog.entries().filter((e) => category(e.code) !== undefined && !line(e.code)?.startsWith('310'));
    expect(missing).toEqual([]);
    expect(catalog.entries().filter((e) => e.type !== 'goods' && category(e.code) !== undefined)).toEqual([]);
    const categorised = catalog.entries().filter((e) => category(e.code) !== undefined).length;
    // 3,481 goods less 物资 A07 and 办公用品 A0504.
    expect(categorised).toBe(3481 - catalog.search('A07', 0, 1).total - catalog.search('A0504', 0, 1).total);
  });

  it('has rules that each match at least one catalog code (no typos)', () => {
    for (const rule of [...CLASSIFICATION_2024.categoryRules, ...CLASSIFICATION_2024.lineRules]) {
      const [from, to = from] = rule.match.split('..');
      const hits = catalog.entries().filter((e) => e.code.slice(0, from.length) >= from && e.code.slice(0, to.length) <= to);
      expect([rule.match, hits.length > 0]).toEqual([rule.match, true]);
    }
  });

  it('marks 家具用具 and 图书档案 as batch categories, 专用设备 with its own threshold', () => {
    expect(classifier.assetCategoryOf('A05010300')).toEqual({ name: '家具用具', threshold: 'general', batch: true });
    expect(classifier.assetCategoryOf('A04010100')?.batch).toBe(true);
    expect(classifier.assetCategoryOf('A02320100')).toEqual({ name: '专用设备', threshold: 'special_equipment', batch: false });
    expect(classifier.assetCategoryOf('A02021301')?.batch).toBe(false);
  });

  describe('capitalizationOf', () => {
    const cap = (code: string, fen: bigint) => classifier.capitalizationOf(catalog.get(code), fen, thresholds);

    it('capitalizes the reference 碎纸机 at 1,900.00 under 31002', () => {
      expect(cap('A02021301', 190000n)).toEqual({
        capitalizable: true,
        assetCategory: '通用设备（除车辆）',
        batch: false,
        economicLine: { code: '31002', name: '办公设备购置' },
      });
    });

    it('applies the general threshold inclusively', () => {
      expect(cap('A02021301', 100000n).capitalizable).toBe(true);
      expect(cap('A02021301', 99999n)).toEqual({
        capitalizable: false,
        reason: 'below_threshold',
        assetCategory: '通用设备（除车辆）',
        thresholdFen: 100000n,
      });
      expect(cap('A02021301', 30000n)).toMatchObject({ capitalizable: false, reason: 'below_threshold' });
    });

    it('applies the 1,500 threshold to 专用设备', () => {
      expect(cap('A02320100', 120000n)).toMatchObject({ capitalizable: false, reason: 'below_threshold', thresholdFen: 150000n });
      expect(cap('A02320100', 150000n)).toMatchObject({
        capitalizable: true,
        assetCategory: '专用设备',
        economicLine: { code: '31003', name: '专用设备购置' },
      });
    });

    it('capitalizes batch categories whatever the unit value', () => {
      expect(cap('A05010300', 30000n)).toEqual({
        capitalizable: true,
        assetCategory: '家具用具',
        batch: true,
        economicLine: { code: '31002', name: '办公设备购置' },
      });
      expect(cap('A04010100', 5000n)).toMatchObject({ capitalizable: true, assetCategory: '图书档案', batch: true });
    });

    it('never capitalizes services, works or consumables', () => {
      expect(cap('C23120301', 500000n)).toEqual({ capitalizable: false, reason: 'service' });
      expect(cap('C21040000', 15000000n)).toEqual({ capitalizable: false, reason: 'service' });
      expect(cap('B01010000', 100000000n)).toEqual({ capitalizable: false, reason: 'works' });
      expect(cap('A05040101', 500000n)).toEqual({ capitalizable: false, reason: 'not_an_asset' });
      expect(cap('A07100200', 500000n)).toEqual({ capitalizable: false, reason: 'not_an_asset' });
    });

    it('follows configured thresholds', () => {
      const high = new CapitalizationThresholds(200000n, 300000n);
      expect(classifier.capitalizationOf(catalog.get('A02021301'), 190000n, high)).toMatchObject({ reason: 'below_threshold' });
    });
  });
});
