import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, type ErrorKind } from '../errors/domain-error.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { languageOf } from './language.js';
import { zhText } from './error-message.js';
import { LocalizedValidationError } from './messages.js';

const STATUS_OF: Record<ErrorKind, number> = {
  validation: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  /** The input that is wrong; null when no one field is (a malformed body, a missing credential). */
  field: string | null;
  details?: Record<string, unknown>;
}

/** Every error leaves as `{ statusCode, code, message, field }`; never a stack or SQL. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (res.headersSent) {
      // A streamed answer (the feed) failed midway: its status is gone, so the only honest end
      // is a cut connection, never an error object glued to half a page.
      this.logger.error(`answer cut off after it had started: ${exception instanceof Error ? exception.stack : String(exception)}`);
      res.destroy();
      return;
    }
    // Codes and fields never change with the language; only the message does.
    if (languageOf(host.switchToHttp().getRequest<Request>()) === 'zh-CN') body.message = zhMessage(exception, body);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) this.logger.warn(`database unavailable: ${String(exception)}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // RFC 6750: a 401 names the scheme the client should authenticate with.
    if (body.statusCode === HttpStatus.UNAUTHORIZED) res.setHeader('WWW-Authenticate', 'Bearer realm="register"');
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) res.setHeader('Retry-After', '1');
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: STATUS_OF[exception.kind],
        code: exception.code,
        message: exception.message,
        field: exception.field ?? null,
        ...(exception.details !== undefined ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      const reason = HttpStatus[statusCode] ?? 'ERROR';
      return {
        statusCode,
        code: `HTTP.${reason}`,
        message,
        field: null,
        ...(typeof response === 'object' && 'details' in response ? { details: response.details as Record<string, unknown> } : {}),
      };
    }
    // body-parser errors (malformed JSON, body too large) carry their own status.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = String((exception as { type?: unknown }).type ?? 'request');
      return {
        statusCode: status,
        code: `HTTP.${(HttpStatus[status] ?? 'BAD_REQUEST').toString()}`,
        message:
          type === 'entity.parse.failed'
            ? 'Request body is not valid JSON'
            : type === 'entity.too.large'
              ? 'Request body is too large'
              : 'Malformed request',
        field: null,
      };
    }
    // A connection lost mid-transaction rolls it back; one lost during COMMIT may not have, so
    // the answer does not claim either: a retry with the same Idempotency-Key is safe in both cases.
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: 503,
        code: 'DATABASE.UNAVAILABLE',
        message: 'The database is unavailable; retry the request (with the same Idempotency-Key it is applied once)',
        field: null,
      };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal server error', field: null };
  }
}

/**
 * The zh-CN text: the error's own when it carries both, else the catalogue's for its code, else
 * (a code the catalogue misses; error-texts.spec.ts lists none) the English message.
 */
function zhMessage(exception: unknown, body: ErrorBody): string {
  if (exception instanceof LocalizedValidationError) return exception.texts['zh-CN'];
  if (body.code === 'HTTP.BAD_REQUEST' && /JSON/.test(body.message)) return '请求体不是有效的 JSON';
  return zhText(body.code, body.field, body.details, body.message) ?? body.message;
}
