import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../../common/errors/domain-error.js';
import { catalogCodeLevel, parseCatalogCode, significantPrefix } from './catalog-code.js';

describe('catalog codes', () => {
  it.each([
    ['A02000000', 1],
    ['A02020000', 2],
    ['A02021300', 3],
    ['A02021301', 4],
    ['C99000000', 1],
  ])('%s is level %i', (code, level) => {
    expect(catalogCodeLevel(code)).toBe(level);
    expect(parseCatalogCode(code)).toBe(code);
  });

  it.each([
    ['a02021301', 'A02021301'],
    [' A02021301 ', 'A02021301'],
    ['A0202130１', 'A02021301'],
    ['Ａ０２０２１３０１', 'A02021301'],
  ])('%j is trimmed, upper-cased and NFKC-normalised to %s before the check', (input, code) => {
    expect(parseCatalogCode(input)).toBe(code);
  });

  it.each(['A0202', 'A', 'D02000000', 'A020213011', 'A0202 1301', 'A00000000', 'A02000100', 'A00020000'])('%j is malformed', (code) => {
    expect(catalogCodeLevel(code)).toBeUndefined();
    expect(() => parseCatalogCode(code)).toThrow(ValidationError);
  });

  it('names the caller’s field in the error', () => {
    let caught: unknown;
    try {
      parseCatalogCode(42, 'items.0.catalogCode');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(caught).toMatchObject({ code: 'CATALOG.MALFORMED_CODE', field: 'items.0.catalogCode' });
  });

  it('strips the padding to the prefix its descendants share', () => {
    expect(significantPrefix('A02020000')).toBe('A0202');
    expect(significantPrefix('A02021301')).toBe('A02021301');
  });
});
