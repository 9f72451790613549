import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { ValidationError } from '../errors/domain-error.js';
import { normalizeCode } from '../validation/codes.js';

/**
 * The rules of a field in the order that decides its message: a missing value is REQUIRED
 * whatever else fails; then the type; then the format; then the range. So `{}` says "projectCode
 * is required", never "must be shorter than 64 characters". Constraints not named here are
 * format rules (patterns, enums, uuids, custom checks).
 */
const TYPE_RULES: Record<string, string> = {
  isString: 'must be a string',
  isInt: 'must be an integer',
  isNumber: 'must be a number',
  isBoolean: 'must be true or false',
  isObject: 'must be an object',
  isArray: 'must be a list',
  nestedValidation: 'must be an object',
  isDecimalInput: 'must be a decimal written as a string such as "1900.00" (or a JSON number)',
};
const RANGE_RULES = new Set([
  'min',
  'max',
  'minLength',
  'maxLength',
  'length',
  'arrayMinSize',
  'arrayMaxSize',
  'arrayNotEmpty',
  'isPositive',
  'isNotEmpty',
]);

const rankOf = (rule: string): number => (rule in TYPE_RULES ? 1 : RANGE_RULES.has(rule) ? 3 : 2);

interface Failure {
  field: string;
  rule: string;
  message: string;
  missing: boolean;
}

/** Leaves in the order class-validator reports them: the first failing field decides the answer. */
function leaves(error: ClassValidatorError, path: string[] = []): Failure[] {
  const here = [...path, error.property];
  const field = here.join('.');
  const constraints = Object.entries(error.constraints ?? {});
  if (constraints.length > 0) {
    if ('whitelistValidation' in (error.constraints ?? {})) {
      return [{ field, rule: 'whitelistValidation', message: `${field} is not a field of this request`, missing: false }];
    }
    const [rule, message] = constraints.reduce((best, next) => (rankOf(next[0]) < rankOf(best[0]) ? next : best));
    return [{ field, rule, message, missing: error.value === undefined || error.value === null }];
  }
  return (error.children ?? []).flatMap((child) => leaves(child, here));
}

function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The one place a class-validator failure becomes a code and a message. */
export function validationFailure(errors: ClassValidatorError[]): ValidationError {
  const failure = errors.flatMap((e) => leaves(e))[0];
  if (!failure) return new ValidationError('VALIDATION.INVALID', 'The request is invalid', undefined);
  const { field, rule, message, missing } = failure;
  if (rule === 'whitelistValidation') return new ValidationError('VALIDATION.UNKNOWN_FIELD', message, field);
  // Absent (or null where null is not allowed): whatever rule failed, the value is missing.
  if (missing) return new ValidationError('VALIDATION.REQUIRED', `${field} is required`, field);
  if (rule in TYPE_RULES) return new ValidationError('VALIDATION.TYPE', `${field} ${TYPE_RULES[rule]}`, field);
  return new ValidationError(`VALIDATION.${upperSnake(rule)}`, message.replace(/^(property|nested property) /, ''), field);
}

/**
 * Whitelisting strips nothing silently: an unknown property is a 400 naming it. Every rule of a
 * field is checked (no stopAtFirstError) so the order above, not decorator order, picks the one
 * reported.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: validationFailure,
  });
}

/**
 * A decimal as the API takes it (money, quantities, counts): a string, or a JSON number as a
 * convenience. The domain parses it; this only lets the wrong JSON type answer VALIDATION.TYPE.
 */
export function IsDecimalInput(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDecimalInput',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' || typeof value === 'number' },
    });
}

/** A classification code field: trimmed, upper-cased and NFKC-normalised before any check. */
export const NormalizedCode = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => normalizeCode(value));
