import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import {
  BIDI_CONTROL,
  CONTROL,
  CONTROL_EXCEPT_LAYOUT,
  CONTROL_EXCEPT_LINES,
  INVISIBLE_ONLY,
  LONE_SURROGATE,
} from '../validation/text-rules.js';
import { localized, zhField } from './messages.js';

/** Deeper than any request of this API; deeper input would only exercise recursive code. */
const MAX_DEPTH = 32;

/**
 * Keys that name what every object inherits (`__proto__`, `constructor`, `toString`, …). The
 * whitelist check looks properties up on the DTO, where these always exist, so they would slip
 * past it; no field of this API is called that.
 */
const BUILT_IN_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * Fields that are free prose, where tab and line breaks belong. A naming convention rather than
 * a list of routes, so a new route's `note` or `reason` gets the same rule without registering.
 */
const PROSE_FIELD = /^(note|notes|reason|remark|remarks|description|comment)$/;

/**
 * Refuses, before validation, what PostgreSQL cannot store or what could only be an attack or a
 * mistake, naming the field: NUL and other control characters (PostgreSQL rejects NUL, a lone
 * UTF-16 surrogate cannot be encoded as UTF-8 in jsonb), bidi overrides, built-in property names
 * as keys, and nesting beyond MAX_DEPTH. A text made only of invisible characters becomes empty,
 * so the field's own rule treats it as blank. Walks iteratively, so hostile nesting cannot
 * exhaust the stack.
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const root = { value };
    const pending: Array<{ holder: Record<string, unknown>; key: string; path: string[] }> = [
      { holder: root, key: 'value', path: metadata.data ? [metadata.data] : [] },
    ];
    while (pending.length > 0) {
      const { holder, key: at, path } = pending.pop()!;
      const current = holder[at];
      if (typeof current === 'string') {
        const name = path.at(-1) ?? '';
        // A string as the whole body is an uploaded text document (text/plain), not a field.
        const kind = path.length === 0 && metadata.type === 'body' ? 'document' : PROSE_FIELD.test(name) ? 'prose' : 'field';
        checkText(current, path, kind);
        if (current !== '' && INVISIBLE_ONLY.test(current) && /[^\s]/.test(current)) holder[at] = '';
      } else if (current !== null && typeof current === 'object') {
        if (path.length >= MAX_DEPTH) {
          throw localized(
            'VALIDATION.TOO_DEEP',
            field(path),
            `Input may be nested at most ${MAX_DEPTH} levels deep`,
            `输入的嵌套不得超过 ${MAX_DEPTH} 层`,
          );
        }
        for (const key of Object.keys(current)) {
          const here = [...path, key];
          if (!Array.isArray(current) && BUILT_IN_KEYS.has(key)) {
            throw localized(
              'VALIDATION.UNKNOWN_FIELD',
              field(here),
              `${field(here)} is not a field of this request`,
              `${field(here)} 不是此请求的字段`,
            );
          }
          checkText(key, here, 'field');
          pending.push({ holder: current as Record<string, unknown>, key, path: here });
        }
      }
    }
    return root.value;
  }
}

function checkText(text: string, path: string[], kind: 'field' | 'prose' | 'document'): void {
  const prose = kind !== 'field';
  if (text.includes('\0')) {
    throw localized(
      'VALIDATION.NUL_CHARACTER',
      field(path),
      `${field(path)} must not contain NUL (\\u0000) characters`,
      `${zhField(field(path))}不得包含 NUL（\\u0000）字符`,
    );
  }
  if (LONE_SURROGATE.test(text)) {
    throw localized(
      'VALIDATION.LONE_SURROGATE',
      field(path),
      `${field(path)} contains a lone UTF-16 surrogate, which is not a character; send valid Unicode text`,
      `${zhField(field(path))}包含孤立的 UTF-16 代理项，这不是字符；请发送有效的 Unicode 文本`,
    );
  }
  if ((kind === 'document' ? CONTROL_EXCEPT_LAYOUT : prose ? CONTROL_EXCEPT_LINES : CONTROL).test(text)) {
    throw localized(
      'VALIDATION.CONTROL_CHARACTER',
      field(path),
      prose
        ? `${field(path)} must not contain control characters other than tab and line breaks`
        : `${field(path)} must not contain control characters (tab and line breaks included)`,
      prose ? `${zhField(field(path))}除制表符和换行外不得包含控制字符` : `${zhField(field(path))}不得包含控制字符（包括制表符和换行）`,
    );
  }
  if (BIDI_CONTROL.test(text)) {
    throw localized(
      'VALIDATION.BIDI_CONTROL',
      field(path),
      `${field(path)} must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069)`,
      `${zhField(field(path))}不得包含双向文本控制字符（U+202A–U+202E、U+2066–U+2069）`,
    );
  }
}

const field = (path: string[]) => (path.length ? path.join('.') : 'body');
