/**
 * What text may not hold anywhere in the register, whichever way it arrives (a JSON field, an
 * uploaded sheet or document): PostgreSQL cannot store NUL, a lone UTF-16 surrogate cannot be
 * encoded as UTF-8 in jsonb, and control characters and bidi overrides in a name can only be a
 * mistake or an attack ("Trojan Source").
 */

/** C0 and C1 control characters and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab and line breaks (prose, and a spreadsheet cell: Alt+Enter in Excel). */
// eslint-disable-next-line no-control-regex -- as above
export const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A whole text document: lines, tabs and the form feeds of PDF page breaks. */
// eslint-disable-next-line no-control-regex -- as above
export const CONTROL_EXCEPT_LAYOUT = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;
/** Bidi embeddings, overrides and isolates. */
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Characters that print as nothing: spaces, zero-width characters, joiners, the BOM. */
export const INVISIBLE_ONLY = /^[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+$/;

export type UnsafeText = 'a lone UTF-16 surrogate' | 'a control character' | 'a bidirectional override character';

/** Per allowed-controls rule: one class of every character the three tests below can object to, and any surrogate. */
const SUSPECT = new WeakMap<RegExp, RegExp>();

function suspectOf(control: RegExp): RegExp {
  let suspect = SUSPECT.get(control);
  if (!suspect) {
    suspect = new RegExp(`${control.source}|${BIDI_CONTROL.source}|[\\ud800-\\udfff]`);
    SUSPECT.set(control, suspect);
  }
  return suspect;
}

/** What in `text` the register refuses to store, or null; `control` says which controls are allowed. */
export function unsafeText(text: string, control: RegExp): UnsafeText | null {
  // One test for the common text (an imported register has ten million cells); only a text with a
  // suspect character, or any surrogate (an emoji is a pair), gets the three tests that name it.
  if (!suspectOf(control).test(text)) return null;
  if (LONE_SURROGATE.test(text)) return 'a lone UTF-16 surrogate';
  if (control.test(text)) return 'a control character';
  if (BIDI_CONTROL.test(text)) return 'a bidirectional override character';
  return null;
}
