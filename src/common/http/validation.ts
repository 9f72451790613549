import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { getMetadataStorage, registerDecorator, type ValidationOptions } from 'class-validator';
import { ValidationError } from '../errors/domain-error.js';
import { normalizeCode } from '../validation/codes.js';
import { localized, zhField } from './messages.js';

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
const TYPE_ZH: Record<string, string> = {
  isString: '必须是字符串',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是 true 或 false',
  isObject: '必须是对象',
  isArray: '必须是列表',
  nestedValidation: '必须是对象',
  isDecimalInput: '必须是写成字符串的十进制数，如 "1900.00"（也可以是 JSON 数字）',
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
  /** What the rule was declared with (`@MaxLength(64)` → [64]); empty when unknown. */
  constraints: readonly unknown[];
}

/**
 * The arguments of `rule` on `property`, read back from class-validator's metadata: its
 * failures carry only an English sentence, and the zh-CN text must say the same bound.
 */
function constraintsOf(target: unknown, property: string, rule: string): readonly unknown[] {
  if (typeof target !== 'object' || target === null) return [];
  const declared = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return declared.find((m) => m.propertyName === property && m.name === rule)?.constraints ?? [];
}

/**
 * zh-CN of the format and range rules the DTOs use, from the rule and its bound (the English
 * sentence is class-validator's or the DTO's own); a rule not listed says only that the value
 * does not fit, which stays true.
 */
const ZH_RULES: Record<string, (c: readonly unknown[]) => string> = {
  maxLength: ([n]) => `不得超过 ${String(n)} 个字符`,
  minLength: ([n]) => `不得少于 ${String(n)} 个字符`,
  max: ([n]) => `不得大于 ${String(n)}`,
  min: ([n]) => `不得小于 ${String(n)}`,
  arrayMaxSize: ([n]) => `最多 ${String(n)} 项`,
  arrayMinSize: ([n]) => `至少 ${String(n)} 项`,
  arrayNotEmpty: () => '不能为空',
  isNotEmpty: () => '不能为空',
  isPositive: () => '必须大于 0',
  arrayUnique: () => '不得有重复项',
  isIn: ([values]) => (Array.isArray(values) ? `须为 ${values.map(String).join('、')} 之一` : '不是允许的取值'),
  isUuid: () => '须为 UUID',
  matches: () => '格式不正确',
};

function zhRule(rule: string, constraints: readonly unknown[]): string {
  const render = ZH_RULES[rule];
  // A bound that could not be read back is left out rather than said wrong.
  if (!render || (/^(max|min|arrayMaxSize|arrayMinSize|maxLength|minLength)$/.test(rule) && constraints[0] === undefined)) {
    return '不符合要求';
  }
  return render(constraints);
}

/** Leaves in the order class-validator reports them: the first failing field decides the answer. */
function leaves(error: ClassValidatorError, path: string[] = []): Failure[] {
  const here = [...path, error.property];
  const field = here.join('.');
  const constraints = Object.entries(error.constraints ?? {});
  if (constraints.length > 0) {
    if ('whitelistValidation' in (error.constraints ?? {})) {
      return [{ field, rule: 'whitelistValidation', message: `${field} is not a field of this request`, missing: false, constraints: [] }];
    }
    const [rule, message] = constraints.reduce((best, next) => (rankOf(next[0]) < rankOf(best[0]) ? next : best));
    return [
      {
        field,
        rule,
        message,
        missing: error.value === undefined || error.value === null,
        constraints: constraintsOf(error.target, error.property, rule),
      },
    ];
  }
  return (error.children ?? []).flatMap((child) => leaves(child, here));
}

function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The one place a class-validator failure becomes a code and a message (in both languages). */
export function validationFailure(errors: ClassValidatorError[]): ValidationError {
  const failure = errors.flatMap((e) => leaves(e))[0];
  if (!failure) return localized('VALIDATION.INVALID', 'body', 'The request is invalid', '请求无效');
  const { field, rule, message, missing, constraints } = failure;
  const zh = zhField(field);
  if (rule === 'whitelistValidation') return localized('VALIDATION.UNKNOWN_FIELD', field, message, `${zh} 不是此请求的字段`);
  // Absent (or null where null is not allowed): whatever rule failed, the value is missing.
  if (missing) return localized('VALIDATION.REQUIRED', field, `${field} is required`, `${zh}为必填项`);
  if (rule in TYPE_RULES) return localized('VALIDATION.TYPE', field, `${field} ${TYPE_RULES[rule]}`, `${zh}${TYPE_ZH[rule]}`);
  const en = message.replace(/^(property|nested property) /, '');
  return localized(`VALIDATION.${upperSnake(rule)}`, field, en, `${zh}${zhRule(rule, constraints)}`);
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
    // The target is read for the rules' bounds (constraintsOf) and never leaves the process.
    validationError: { target: true, value: true },
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
