import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import { loadCatalog } from './catalog.loader.js';
import { Catalog } from '../domain/catalog.js';

const catalog = loadCatalog();

describe('Catalog', () => {
  it('holds every entry', () => {
    expect(catalog.size).toBe(4301);
  });

  it('gets an entry, 400 for a malformed code, 404 for an unknown one', () => {
    expect(catalog.get('A02021301')).toEqual({ code: 'A02021301', name: '碎纸机', level: 4, parent: 'A02021300', type: 'goods' });
    expect(() => catalog.get('A0202')).toThrow(ValidationError);
    expect(() => catalog.get('A99999999')).toThrow(NotFoundError);
    expect(() => catalog.get('A99999999', 'catalogCode')).toThrow(
      expect.objectContaining({ code: 'CATALOG.UNKNOWN_CODE', field: 'catalogCode' }),
    );
  });

  it('gives the parent chain root first', () => {
    expect(catalog.parents('A02021301')).toEqual([
      { code: 'A', name: '货物', level: 0 },
      { code: 'A02000000', name: '设备', level: 1 },
      { code: 'A02020000', name: '办公设备', level: 2 },
      { code: 'A02021300', name: '销毁设备', level: 3 },
    ]);
    expect(catalog.parents('C21040000')).toEqual([
      { code: 'C', name: '服务', level: 0 },
      { code: 'C21000000', name: '房地产服务', level: 1 },
    ]);
  });

  describe('search', () => {
    const codes = (q: string | undefined, offset = 0, limit = 100) => catalog.search(q, offset, limit).items.map((e) => e.code);

    it('without q lists everything in code order', () => {
      const page = catalog.search(undefined, 0, 3);
      expect(page.total).toBe(4301);
      expect(page.items.map((e) => e.code)).toEqual(['A01000000', 'A01010000', 'A01010100']);
    });

    it('finds names by substring', () => {
      expect(codes('碎纸')).toEqual(['A02021301']);
    });

    it('ranks exact code, then descendants by level, then name matches', () => {
      expect(codes('A02021300')).toEqual(['A02021300', 'A02021301', 'A02021302', 'A02021303', 'A02021304', 'A02021305', 'A02021399']);
      // A partial code is a plain prefix: the level-3 node comes before its children.
      expect(codes('a020213')).toEqual(codes('A02021300'));
      expect(codes('A0202').slice(0, 2)).toEqual(['A02020000', 'A02020100']);
    });

    it('puts an exact name before names that start with it before names that contain it, higher level first', () => {
      const hits = catalog.search('计算机', 0, 100).items;
      expect(hits[0]).toMatchObject({ code: 'A02010100', name: '计算机' });
      const tiers = hits.map((e) => (e.name === '计算机' ? 0 : e.name.startsWith('计算机') ? 1 : 2));
      expect(tiers).toEqual([...tiers].sort());
      expect(hits.map((e) => e.code)).toContain('A02010105');
    });

    it('pages deterministically', () => {
      const all = codes('服务', 0, 100);
      expect(catalog.search('服务', 0, 100).total).toBeGreaterThan(100);
      expect([...codes('服务', 0, 40), ...codes('服务', 40, 60)]).toEqual(all);
      expect(codes('服务', 100000, 10)).toEqual([]);
    });

    it('is case-insensitive for Latin names', () => {
      expect(codes('vpn')).toEqual(codes('VPN'));
      expect(codes('vpn')).toContain('A02010313');
    });

    it('rejects a bad page', () => {
      expect(() => catalog.search('x', -1, 10)).toThrow(expect.objectContaining({ field: 'offset' }));
      expect(() => catalog.search('x', 0, 0)).toThrow(expect.objectContaining({ field: 'limit' }));
    });
  });

  it('refuses inconsistent data at construction', () => {
    const roots = [{ code: 'A' as const, name: '货物', type: 'goods' as const }];
    const entry = { code: 'A02000000', name: '设备', level: 1 as const, parent: 'A', type: 'goods' as const };
    expect(() => new Catalog({ source: 't', roots, entries: [entry, entry] })).toThrow(/duplicate/);
    expect(() => new Catalog({ source: 't', roots, entries: [{ ...entry, code: 'A02020000', level: 2, parent: 'A02000000' }] })).toThrow(
      /unknown parent/,
    );
    expect(() => new Catalog({ source: 't', roots, entries: [{ ...entry, level: 2 }] })).toThrow(/level/);
  });
});
