import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../../common/errors/domain-error.js';
import type { CatalogEntry } from './catalog-entry.js';
import { CapitalizationThresholds, type ClassificationTables, Classifier } from './classification.js';

const tables: ClassificationTables = {
  source: 'test',
  assetCategories: [
    { name: '通用设备（除车辆）', threshold: 'general', batch: false },
    { name: '专用设备', threshold: 'special_equipment', batch: false },
    { name: '家具用具', threshold: 'general', batch: true },
  ],
  categoryRules: [
    { match: 'A02', category: '通用设备（除车辆）' },
    { match: 'A0213..A0247', category: '专用设备' },
    { match: 'A05', category: '家具用具' },
    { match: 'A0504', category: null },
  ],
  lineRules: [
    { match: 'A02', line: '31002' },
    { match: 'A0213..A0247', line: '31003' },
    { match: 'A05', line: '31002' },
    { match: 'A0504', line: null },
    { match: 'C2312', line: '30213' },
    { match: 'C231203', line: '30231' },
  ],
  lineNames: { '31002': '办公设备购置', '31003': '专用设备购置', '30213': '维修（护）费', '30231': '公务用车运行维护费' },
};

const goods = (code: string): CatalogEntry => ({ code, name: 'x', level: 4, parent: 'A', type: 'goods' });
const thresholds = new CapitalizationThresholds(100000n, 150000n);

describe('Classifier', () => {
  const classifier = new Classifier(tables);

  it('lets the longest matching prefix win, ranges included', () => {
    expect(classifier.assetCategoryOf('A02021301')?.name).toBe('通用设备（除车辆）');
    expect(classifier.assetCategoryOf('A02130100')?.name).toBe('专用设备');
    expect(classifier.assetCategoryOf('A02470100')?.name).toBe('专用设备');
    expect(classifier.assetCategoryOf('A02480000')?.name).toBe('通用设备（除车辆）');
    expect(classifier.economicLineOf('C23120301')).toEqual({ code: '30231', name: '公务用车运行维护费' });
    expect(classifier.economicLineOf('C23120100')).toEqual({ code: '30213', name: '维修（护）费' });
    expect(classifier.economicLineOf('C23130000')).toBeUndefined();
  });

  it('lets a more specific null rule remove a category', () => {
    expect(classifier.assetCategoryOf('A05040101')).toBeUndefined();
    expect(classifier.classify(goods('A05040101'))).toEqual({ capitalizable: false });
    expect(classifier.classify(goods('A05010100'))).toMatchObject({ capitalizable: true, economicLine: { code: '31002' } });
  });

  it('rejects tables whose rules overlap at the same specificity, are malformed, or name unknown lines', () => {
    const overlapping = { ...tables, lineRules: [...tables.lineRules, { match: 'A0240..A0250', line: '31002' }] };
    expect(() => new Classifier(overlapping)).toThrow(/overlap/);
    expect(() => new Classifier({ ...tables, lineRules: [{ match: 'A02..A0213', line: '31002' }] })).toThrow(/range/);
    expect(() => new Classifier({ ...tables, lineRules: [{ match: 'A02', line: '39999' }] })).toThrow(/no name/);
    expect(() => new Classifier({ ...tables, categoryRules: [{ match: 'C01', category: '专用设备' }] })).toThrow(/only goods/);
  });

  it('refuses a negative unit price', () => {
    expect(() => classifier.capitalizationOf(goods('A02021301'), -1n, thresholds)).toThrow(ValidationError);
  });

  it('has no threshold for batch categories', () => {
    expect(classifier.thresholdFor(classifier.assetCategoryOf('A05010100')!, thresholds)).toBeUndefined();
    expect(classifier.thresholdFor(classifier.assetCategoryOf('A02130100')!, thresholds)).toBe(150000n);
  });
});
