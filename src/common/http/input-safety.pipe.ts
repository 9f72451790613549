import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '../errors/domain-error.js';

/** Deeper than any request of this API; deeper input would only exercise recursive code. */
const MAX_DEPTH = 32;

/**
 * Refuses, before validation, what PostgreSQL cannot store or what could only be an attack: a
 * NUL character in any string or key (text and jsonb reject it, which would otherwise surface
 * as a 500) and structures nested beyond MAX_DEPTH. Walks iteratively, so hostile nesting
 * cannot exhaust the stack.
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const pending: Array<{ value: unknown; path: string[] }> = [{ value, path: metadata.data ? [metadata.data] : [] }];
    while (pending.length > 0) {
      const { value: current, path } = pending.pop()!;
      if (typeof current === 'string') {
        if (current.includes('\0')) throw nul(path);
      } else if (current !== null && typeof current === 'object') {
        if (path.length >= MAX_DEPTH) {
          throw new ValidationError('VALIDATION.TOO_DEEP', `Input may be nested at most ${MAX_DEPTH} levels deep`, field(path));
        }
        for (const [key, child] of Object.entries(current)) {
          if (key.includes('\0')) throw nul(path);
          pending.push({ value: child, path: [...path, key] });
        }
      }
    }
    return value;
  }
}

const field = (path: string[]) => (path.length ? path.join('.') : 'body');

const nul = (path: string[]) =>
  new ValidationError('VALIDATION.NUL_CHARACTER', `${field(path)} must not contain NUL (\\u0000) characters`, field(path));
