import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * Stored form of a key secret: `scrypt$N$r$p$<salt>$<hash>` (base64url), so the cost can be
 * raised later without invalidating existing keys. N=2^15, r=8, p=1 is OWASP's scrypt minimum;
 * it costs tens of milliseconds, which is why verified secrets are cached (api-key-verifier.ts).
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function derive(secret: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  // maxmem: N·r·128 bytes is the working set; the default 32 MiB cap is just below it at N=2^15.
  const maxmem = 128 * (options.N ?? COST.N) * (options.r ?? COST.r) * 2;
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, length, { ...options, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, COST, KEY_LENGTH);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Constant-time comparison against a stored hash; a malformed stored value never verifies. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const match = FORMAT.exec(stored);
  if (!match) return false;
  const [, n, r, p, salt, hash] = match;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(secret, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(actual, expected);
}
