import type { NestExpressApplication } from '@nestjs/platform-express';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

/** One answer the app gave, as the route that gave it is documented. */
interface Recorded {
  method: string;
  /** The express route pattern (`/purchases/:id`), or undefined when no route matched. */
  route: string | undefined;
  status: number;
  contentType: string;
  body: unknown;
}

type SchemaNode = Record<string, unknown>;
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: SchemaNode }> }> };
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaNode> };
}

/**
 * Keeps every JSON answer of `app`, to be checked against the OpenAPI document when the suite
 * closes: the document is what clients generate code from, so an answer it does not describe is
 * a defect of one or the other, whichever spec happens to provoke it.
 */
export function recordResponses(app: NestExpressApplication): Recorded[] {
  const recorded: Recorded[] = [];
  app.use((req: Request, res: Response, next: NextFunction) => {
    const json = res.json.bind(res);
    let body: unknown;
    let sentJson = false;
    res.json = (value: unknown) => {
      body = value;
      sentJson = true;
      return json(value);
    };
    res.on('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      recorded.push({
        method: req.method.toLowerCase(),
        route: typeof route === 'string' ? route : undefined,
        status: res.statusCode,
        contentType: String(res.getHeader('content-type') ?? ''),
        body: sentJson ? body : undefined,
      });
    });
    next();
  });
  return recorded;
}

/**
 * Every recorded answer that its route's document does not describe: a status the operation does
 * not list, or a JSON body that breaks the schema of its status. Answers of no route (404 for an
 * unknown path, static files, the docs themselves), 5xx (reported by the specs that see them) and
 * 304 (HTTP caching, not an answer of the route's own) are not checked.
 */
export function responseMismatches(document: object, recorded: readonly Recorded[]): string[] {
  const doc = document as Document;
  const components = toJsonSchema(doc.components ?? {}) as SchemaNode;
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  const compiled = new Map<string, ValidateFunction>();
  const problems = new Set<string>();
  for (const r of recorded) {
    // 304: a browser's conditional GET answered from its ETag (Express, any GET); no body to check.
    if (r.route === undefined || r.status >= 500 || r.status === 304 || r.route.startsWith('/docs')) continue;
    const path = r.route.replace(/:(\w+)/g, '{$1}');
    const operation = doc.paths[path]?.[r.method];
    if (!operation) continue;
    const name = `${r.method.toUpperCase()} ${path} → ${r.status}`;
    const response = operation.responses?.[String(r.status)] ?? operation.responses?.default;
    if (!response) {
      problems.add(`${name}: status not documented`);
      continue;
    }
    if (r.body === undefined || !r.contentType.startsWith('application/json')) continue;
    const schema = response.content?.['application/json']?.schema;
    if (!schema) {
      problems.add(`${name}: a JSON body without a documented schema`);
      continue;
    }
    let validate = compiled.get(name);
    if (!validate) {
      validate = ajv.compile({ ...(toJsonSchema(schema) as SchemaNode), components });
      compiled.set(name, validate);
    }
    if (!validate(r.body)) {
      // The deepest errors say what is wrong (a null-or-object property fails both branches).
      const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'anyOf');
      const said = errors.slice(-3).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
      problems.add(`${name}: ${said.join('; ')}`);
    }
  }
  return [...problems];
}

/** OpenAPI 3.0 schema objects as JSON Schema: `nullable` becomes a `null` alternative. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, example: _example, ...rest } = node as SchemaNode;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toJsonSchema(v)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string' && !converted.allOf && !converted.$ref) {
    return { ...converted, type: [converted.type, 'null'], ...(converted.enum ? { enum: [...(converted.enum as unknown[]), null] } : {}) };
  }
  return { anyOf: [{ type: 'null' }, converted] };
}
