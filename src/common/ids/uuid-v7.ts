import { randomFillSync } from 'node:crypto';

// Random bytes drawn 4,096 ids at a time, as randomUUID does: one getrandom per id costs more
// than the id.
const POOL = Buffer.alloc(16 * 4096);
let used = POOL.length;

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of Unix milliseconds, then random bits. Ids
 * made in bulk (a register import's million cards) then land at the right edge of their primary
 * key's btree instead of on a random page each: with version 4 ids a million-card table's key no
 * longer fits the cache and every insert reads and dirties a page of its own. Within a
 * millisecond the order is random, which keeps those inserts on a few adjacent pages.
 */
export function uuidV7(now: number = Date.now()): string {
  if (used === POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  const bytes = POOL.subarray(used, used + 16);
  used += 16;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
