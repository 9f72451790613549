import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidationError } from '../errors/domain-error.js';

/** The first failing leaf, with its dotted path (`funding.general_budget`). */
function firstLeaf(error: ClassValidatorError, path: string[] = []): { field: string; error: ClassValidatorError } {
  const here = [...path, error.property];
  if (error.constraints && Object.keys(error.constraints).length > 0) return { field: here.join('.'), error };
  const child = error.children?.[0];
  return child ? firstLeaf(child, here) : { field: here.join('.'), error };
}

function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * Whitelisting strips nothing silently: an unknown property is a 400 naming it. Errors come out
 * through the one error channel, naming the field and the rule.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const { field, error } = firstLeaf(errors[0]);
      const [rule, message] = Object.entries(error.constraints ?? { invalid: `${field} is invalid` })[0];
      const code = rule === 'whitelistValidation' ? 'VALIDATION.UNKNOWN_FIELD' : `VALIDATION.${upperSnake(rule)}`;
      return new ValidationError(code, message.replace(/^property /, ''), field);
    },
  });
}
