import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { catalogCodeLevel } from '../domain/catalog-code.js';
import type { CatalogData } from '../domain/catalog-entry.js';
import { CATALOG_DATA_URL } from '../infrastructure/catalog.loader.js';

const data = JSON.parse(readFileSync(CATALOG_DATA_URL, 'utf8')) as CatalogData;
const byCode = new Map(data.entries.map((e) => [e.code, e]));

/** Table rows of the official PDF that the raw JSON extraction (shared/reference) lost. */
const MISSED_BY_RAW_EXTRACTION = [
  'A02090502', 'A02090804', 'A02180500', 'A02291000', 'A02299900', 'A07010308', 'A07022102', 'A07022103',
  'A07022205', 'A07022303', 'A07022805', 'A07022806', 'A07022807', 'A07025802', 'A07026004', 'A07026899',
  'A07050200', 'A07050299', 'A07059900', 'A07090308', 'B02130300', 'C01031300', 'C01039900', 'C01049900',
  'C10020500', 'C10020600', 'C11051300', 'C11051500', 'C23120400', 'C23120900', 'C23140600', 'C23140700',
];

describe('catalog-2022.json is the complete 2022 catalog', () => {
  it('has the 4,301 codes of the PDF: 3,481 goods, 200 works, 620 services', () => {
    expect(data.entries).toHaveLength(4301);
    const count = (type: string) => data.entries.filter((e) => e.type === type).length;
    expect([count('goods'), count('works'), count('services')]).toEqual([3481, 200, 620]);
    expect(data.roots).toEqual([
      { code: 'A', name: '货物', type: 'goods' },
      { code: 'B', name: '工程', type: 'works' },
      { code: 'C', name: '服务', type: 'services' },
    ]);
  });

  it('has the 32 codes the raw extraction missed', () => {
    expect(MISSED_BY_RAW_EXTRACTION).toHaveLength(32);
    expect(MISSED_BY_RAW_EXTRACTION.filter((code) => !byCode.has(code))).toEqual([]);
  });

  it('has unique codes in code order, each well-formed with the level its padding says', () => {
    const codes = data.entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    expect(data.entries.filter((e) => catalogCodeLevel(e.code) !== e.level)).toEqual([]);
  });

  it('chains every entry through existing parents of the same type to its root', () => {
    const roots = new Map(data.roots.map((r) => [r.code as string, r]));
    for (const entry of data.entries) {
      let parent = entry.parent;
      let level = entry.level;
      while (!roots.has(parent)) {
        const up = byCode.get(parent);
        expect(up).toBeDefined();
        expect(up!.level).toBe(level - 1);
        expect(up!.type).toBe(entry.type);
        level = up!.level;
        parent = up!.parent;
      }
      expect(level).toBe(1);
      expect(roots.get(parent)!.type).toBe(entry.type);
    }
  });

  it('has clean names: no description text, no whitespace', () => {
    expect(data.entries.filter((e) => e.name.includes('——') || /\s/.test(e.name) || e.name === '')).toEqual([]);
  });

  it.each([
    ['A02021301', '碎纸机'],
    ['C18040102', '财产保险服务'],
    ['C23090199', '其他印刷服务'],
    ['C23120301', '车辆维修和保养服务'],
    ['C23120302', '车辆加油、添加燃料服务'],
    ['C21040000', '物业管理服务'],
  ])('resolves the reference budget code %s %s', (code, name) => {
    expect(byCode.get(code)?.name).toBe(name);
  });
});
