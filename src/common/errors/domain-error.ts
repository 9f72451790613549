/**
 * The one error channel: domain and application code throw these; the global filter maps
 * `kind` to an HTTP status once. `code` is stable (clients switch on it), `field` names the
 * input that is wrong when there is one.
 */
export type ErrorKind = 'validation' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable';

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the input breaks a rule; nothing was written. */
export class ValidationError extends DomainError {
  readonly kind = 'validation';
}

/** 401: no credentials, or credentials that do not verify (never says which part failed). */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
}

/** 403: authenticated, but the credential's roles or departments do not cover the request. */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

/** 404 */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
}

/** 409: the request is valid but the current state does not allow it. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** 409: an append's expected stream version did not hold (someone else wrote first). */
export class ConcurrencyError extends ConflictError {
  constructor(streamId: string, expected: string, actual: string) {
    super('STREAM.VERSION_CONFLICT', `Stream ${streamId} is at version ${actual}, expected ${expected}; reload and retry`, undefined, {
      streamId,
      expected,
      actual,
    });
  }
}

/** 422: the request is well-formed but cannot be processed as sent. */
export class UnprocessableError extends DomainError {
  readonly kind = 'unprocessable';
}
