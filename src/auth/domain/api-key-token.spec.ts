import { describe, expect, it } from '@jest/globals';
import { formatApiKeyToken, newApiKeyToken, parseApiKeyToken } from './api-key-token.js';

describe('API key tokens', () => {
  it('are par_<16 hex id>_<43 base64url characters = 256 random bits>, and parse back', () => {
    const token = newApiKeyToken();
    expect(token.key).toMatch(/^par_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.secret, 'base64url')).toHaveLength(32);
    expect(parseApiKeyToken(token.key)).toEqual({ id: token.id, secret: token.secret });
    expect(formatApiKeyToken(token.id, token.secret)).toBe(token.key);
  });

  it('are different every time', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newApiKeyToken().key));
    expect(keys.size).toBe(100);
  });

  it.each([
    'par_0123456789abcdef_short',
    'par_0123456789ABCDEF_' + 'a'.repeat(43),
    'par_0123456789abcde_' + 'a'.repeat(43),
    'xyz_0123456789abcdef_' + 'a'.repeat(43),
    'par_0123456789abcdef_' + 'a'.repeat(44),
    'eyJhbGciOiJIUzI1NiJ9.e30.x',
    'my-bootstrap-secret',
  ])('%s is not a key token', (text) => {
    expect(parseApiKeyToken(text)).toBeNull();
  });
});
