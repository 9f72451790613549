import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { HttpStatus } from '@nestjs/common';
import { zhText } from '../http/error-message.js';
import { ERROR_TEXTS } from './error-texts.js';

const SRC = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every error code the code base can raise: the `AREA.RULE` literals of src/ (codes are always
 * written out where they are thrown or passed on), and INTERNAL. Codes made up at run time are
 * class-validator's VALIDATION.<RULE>, which carry both texts (LocalizedValidationError), and
 * HTTP.<status> of Nest's exceptions, listed below by the statuses Nest and the app raise.
 */
function raisedCodes(): string[] {
  const codes = new Set<string>(['INTERNAL']);
  for (const file of sourceFiles(SRC)) {
    if (file.endsWith('error-texts.ts')) continue;
    for (const [, code] of readFileSync(file, 'utf8').matchAll(/['`"]([A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*)['`"]/g)) codes.add(code);
  }
  for (const status of [400, 404, 405, 413, 415, 429]) codes.add(`HTTP.${HttpStatus[status]}`);
  return [...codes].sort();
}

describe('the catalogue of error texts', () => {
  it('has a zh-CN and an en text for every error code the code base raises', () => {
    const codes = raisedCodes();
    expect(codes.length).toBeGreaterThan(100);
    const missing = codes.filter((code) => !ERROR_TEXTS[code]?.zh || !ERROR_TEXTS[code]?.en);
    expect(missing).toEqual([]);
  });

  it('lists no code the code base no longer raises', () => {
    const raised = new Set(raisedCodes());
    expect(Object.keys(ERROR_TEXTS).filter((code) => !raised.has(code))).toEqual([]);
  });

  it('fills in the field by its official label, details, and drops an optional part without its value', () => {
    expect(zhText('VALIDATION.FUTURE_DATE', 'acceptedOn', { date: '2100-01-01', today: '2024-06-30' })).toBe(
      '验收日期（acceptedOn）2100-01-01 晚于今天（2024-06-30）：登记的是已经发生的事',
    );
    expect(zhText('AUTH.PERMISSION_DENIED', null, { missing: ['budget:write', 'assets:write'] })).toBe(
      '凭据的角色不具备此操作的权限：缺少 budget:write、assets:write',
    );
    expect(zhText('AUTH.PERMISSION_DENIED', null, undefined)).toBe('凭据的角色不具备此操作的权限');
    expect(zhText('NO.SUCH_CODE', null, undefined)).toBeUndefined();
  });

  it('keeps the values a domain message names after the rule, never for fixed wordings or texts that say their details', () => {
    const specifics = 'economicCode 3100 has 4 digits; an economic code has 3 (类) or 5 (款)';
    expect(zhText('PURCHASE.ECONOMIC_CODE_MALFORMED', 'economicCode', undefined, specifics)).toBe(
      `部门经济分类科目（economicCode）格式错误：部门经济分类科目为 3 位（类）或 5 位（款）数字（${specifics}）`,
    );
    expect(zhText('AUTH.REQUIRED', null, undefined, 'This request needs credentials')).toBe(
      '此请求需要凭据：Authorization: Bearer <API 密钥或令牌>',
    );
    expect(zhText('VALIDATION.FUTURE_DATE', 'asOf', { date: '2100-01-01', today: '2024-06-30' }, 'asOf 2100-01-01 is in the future')).toBe(
      '基准日（asOf）2100-01-01 晚于今天（2024-06-30）：登记的是已经发生的事',
    );
  });
});
