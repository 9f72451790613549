import type { OpenAPIObject } from '@nestjs/swagger';

/** Marks an operation as public in the document (set by `@Public()`); removed once read. */
export const PUBLIC_EXTENSION = 'x-public';

type Operation = {
  parameters?: Array<{ in: string }>;
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
  [PUBLIC_EXTENSION]?: boolean;
};

/**
 * The 409 of a write to a stream that already exists: two writers that read the same version
 * race, and the one that commits second is refused rather than applied to a state it did not see.
 */
export const STREAM_RACE_CONFLICT = {
  description: 'STREAM.VERSION_CONFLICT: another write to the same record committed first; nothing was written, retry',
};

const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'code', 'message', 'field'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    code: { type: 'string', example: 'VALIDATION.REQUIRED', description: 'Stable; clients switch on it' },
    message: { type: 'string', description: 'zh-CN or en, by Accept-Language (default zh-CN)' },
    field: { type: 'string', nullable: true, description: 'The input that is wrong; null when no one field is' },
    details: { type: 'object', additionalProperties: true },
  },
};

const GENERIC: Record<string, string> = {
  '400': 'Invalid input: `code` names the rule, `field` the input (VALIDATION.REQUIRED, VALIDATION.TYPE, …)',
  '401': 'No credentials, or credentials that do not verify (AUTH.REQUIRED, AUTH.INVALID_CREDENTIALS)',
  '403': "The credential's roles or departments do not cover this (AUTH.PERMISSION_DENIED, AUTH.DEPARTMENT_OUT_OF_SCOPE)",
  '404': "Not found (also for a resource of a department outside the credential's scope)",
  '429': 'Too many requests: retry after the Retry-After header',
};

/**
 * Completes what route decorators leave out, the same for every route so new routes need no
 * extra decorators: the error shape as a schema on every 4xx; 400, 401, 403, 404 and 429 where
 * they can happen (400 with parameters or a body, 401/403 unless public, 404 with a path
 * parameter); no lock on public routes.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ERROR_SCHEMA } };
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item as Record<string, Operation>)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const isPublic = operation[PUBLIC_EXTENSION] === true;
      delete operation[PUBLIC_EXTENSION];
      if (isPublic) operation.security = [];
      const wanted = ['429'];
      if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody) wanted.push('400');
      if (!isPublic) wanted.push('401', '403');
      if (/\{[^}]+\}/.test(path)) wanted.push('404');
      for (const status of wanted) operation.responses[status] ??= { description: GENERIC[status] };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^4\d\d$/.test(status) && !response.content) response.content = errorContent;
      }
    }
  }
  return document;
}
