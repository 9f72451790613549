import { describe, expect, it } from '@jest/globals';
import { hashSecret, verifySecret } from './secret-hash.js';

describe('key secret hashes (scrypt)', () => {
  it('verify the secret they were made from, and nothing else', async () => {
    const stored = await hashSecret('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('correct');
    expect(await verifySecret('correct horse battery staple', stored)).toBe(true);
    expect(await verifySecret('correct horse battery stapl', stored)).toBe(false);
    expect(await verifySecret('', stored)).toBe(false);
  });

  it('salt every hash, so one secret stored twice gives two hashes', async () => {
    const [a, b] = await Promise.all([hashSecret('same'), hashSecret('same')]);
    expect(a).not.toBe(b);
    expect(await verifySecret('same', b)).toBe(true);
  });

  it('read their cost from the stored value, so old hashes still verify after the cost is raised', async () => {
    const cheap = 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA$' + Buffer.alloc(32).toString('base64url');
    expect(await verifySecret('x', cheap)).toBe(false);
  });

  it.each(['', 'plain', 'bcrypt$10$abc', 'scrypt$x$8$1$a$b'])('never verify against a malformed stored value %j', async (stored) => {
    expect(await verifySecret('plain', stored)).toBe(false);
  });
});
