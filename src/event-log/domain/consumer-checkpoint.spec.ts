import { describe, expect, it } from '@jest/globals';
import { checkCheckpointMove, compareCursors } from './consumer-checkpoint.js';
import { encodeCursor } from './feed-cursor.js';

const at = (transactionId: string, position: string) => ({ transactionId, position });

describe('consumer checkpoint moves', () => {
  it('orders cursors by transaction, then position, as numbers', () => {
    expect(compareCursors(at('999', '5'), at('1000', '1'))).toBe(-1);
    expect(compareCursors(at('1000', '10'), at('1000', '9'))).toBe(1);
    expect(compareCursors(at('7', '7'), at('7', '7'))).toBe(0);
  });

  it('creates without If-Match; once it exists, If-Match is required and must be the current cursor', () => {
    expect(() => checkCheckpointMove('c', undefined, { to: at('5', '0'), reset: false })).not.toThrow();
    expect(() => checkCheckpointMove('c', undefined, { to: at('5', '0'), ifMatch: encodeCursor(at('1', '0')), reset: false })).toThrow(
      expect.objectContaining({ code: 'CONSUMER.CHECKPOINT_CONFLICT' }),
    );
    const current = at('5', '0');
    expect(() => checkCheckpointMove('c', current, { to: at('6', '0'), reset: false })).toThrow(
      expect.objectContaining({ code: 'CONSUMER.IF_MATCH_REQUIRED', field: 'If-Match' }),
    );
    expect(() => checkCheckpointMove('c', current, { to: at('6', '0'), ifMatch: encodeCursor(at('4', '0')), reset: false })).toThrow(
      expect.objectContaining({ code: 'CONSUMER.CHECKPOINT_CONFLICT', details: { current: encodeCursor(current) } }),
    );
    expect(() =>
      checkCheckpointMove('c', current, { to: at('6', '0'), ifMatch: `"${encodeCursor(current)}"`, reset: false }),
    ).not.toThrow();
  });

  it('never moves backwards unless reset', () => {
    const current = at('5', '3');
    const ifMatch = encodeCursor(current);
    expect(() => checkCheckpointMove('c', current, { to: at('5', '2'), ifMatch, reset: false })).toThrow(
      expect.objectContaining({ code: 'CONSUMER.CHECKPOINT_BACKWARDS', field: 'cursor' }),
    );
    expect(() => checkCheckpointMove('c', current, { to: at('5', '2'), ifMatch, reset: true })).not.toThrow();
    expect(() => checkCheckpointMove('c', current, { to: current, ifMatch, reset: false })).not.toThrow();
  });
});
