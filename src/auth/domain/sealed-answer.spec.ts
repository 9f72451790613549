import { describe, expect, it } from '@jest/globals';
import { AnswerSeal } from './sealed-answer.js';

describe('AnswerSeal', () => {
  const secret = 'par_0123456789abcdef_' + 'A'.repeat(43);
  const seal = AnswerSeal.for('par_fedcba9876543210_' + 'b'.repeat(43), 'api_key:fedcba9876543210', 'retry-1');

  it('opens what it sealed, for the same credential, scope, key and context', () => {
    const sealed = seal.seal(secret, '0123456789abcdef');
    expect(sealed).not.toContain(secret.slice(21));
    expect(sealed).toMatch(/^s1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(
      AnswerSeal.for('par_fedcba9876543210_' + 'b'.repeat(43), 'api_key:fedcba9876543210', 'retry-1').open(sealed, '0123456789abcdef'),
    ).toBe(secret);
  });

  it('seals the same secret differently each time (a fresh IV)', () => {
    expect(seal.seal(secret, 'id')).not.toBe(seal.seal(secret, 'id'));
  });

  it('does not open under another credential, another idempotency key, another context, or after tampering', () => {
    const sealed = seal.seal(secret, '0123456789abcdef');
    expect(AnswerSeal.for('another credential', 'api_key:fedcba9876543210', 'retry-1').open(sealed, '0123456789abcdef')).toBeNull();
    expect(
      AnswerSeal.for('par_fedcba9876543210_' + 'b'.repeat(43), 'api_key:fedcba9876543210', 'retry-2').open(sealed, '0123456789abcdef'),
    ).toBeNull();
    expect(seal.open(sealed, 'ffffffffffffffff')).toBeNull();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(seal.open(parts.join('.'), '0123456789abcdef')).toBeNull();
    expect(seal.open('not sealed', '0123456789abcdef')).toBeNull();
  });
});
