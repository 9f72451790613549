import { ValidationError } from '../errors/domain-error.js';

/**
 * `If-Match: "3"` (also `3` or `W/"3"`): the resource version the client last saw. Absent means
 * the client accepts the current version; the append is still checked against concurrent writers.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new ValidationError('VALIDATION.IF_MATCH', 'If-Match must be the version of the resource, e.g. "3"', 'If-Match');
  }
  return Number(match[1]);
}
