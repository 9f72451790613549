import { ERROR_TEXTS } from '../errors/error-texts.js';
import { zhField } from './messages.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/** Codes whose wording never depends on the request: their catalogue text is the whole message. */
const FIXED_WORDING = /^(AUTH|HTTP|DATABASE|IDEMPOTENCY|VALIDATION)\.|^INTERNAL$/;

/**
 * The zh-CN text of an error code from the catalogue (common/errors/error-texts.ts), with its
 * field and details filled in; undefined for a code the catalogue does not list. A domain
 * error's own message names the values at fault (the code that is malformed and how, the line
 * of a document) that its details may not carry; until each is in details, the zh-CN text
 * keeps that message after the rule rather than lose them.
 */
export function zhText(
  code: string,
  field: string | null,
  details: Record<string, unknown> | undefined,
  specifics?: string,
): string | undefined {
  const text = ERROR_TEXTS[code]?.zh;
  if (text === undefined) return undefined;
  const value = (name: string): string | undefined => {
    if (name === 'field') return field === null ? undefined : zhField(field);
    const v = details?.[name];
    if (Array.isArray(v)) return v.join('、');
    if (v === undefined || v === null || typeof v === 'object') return undefined;
    return String(v);
  };
  const fill = (part: string) => part.replace(PLACEHOLDER, (_, name: string) => value(name) ?? '');
  // An optional part is said only when every placeholder in it has a value.
  const withOptional = text.replace(/\[([^\]]*)\]/g, (_, part: string) =>
    [...part.matchAll(PLACEHOLDER)].every(([, name]) => value(name) !== undefined) ? fill(part) : '',
  );
  const rendered = fill(withOptional).replace(/^\s+/, '');
  const saysDetails = [...text.matchAll(PLACEHOLDER)].some(([, name]) => name !== 'field');
  return specifics && !saysDetails && !FIXED_WORDING.test(code) ? `${rendered}（${specifics}）` : rendered;
}
