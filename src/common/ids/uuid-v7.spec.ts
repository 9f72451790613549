import { describe, expect, it } from '@jest/globals';
import { uuidV7 } from './uuid-v7.js';

describe('uuidV7', () => {
  it('is an RFC 9562 version 7 id whose first 48 bits are the milliseconds', () => {
    const at = Date.UTC(2026, 11, 7, 15, 0, 0, 123);
    const id = uuidV7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by the millisecond it was made in', () => {
    const ids = [3, 1, 2].map((ms) => uuidV7(1_800_000_000_000 + ms));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });
});
