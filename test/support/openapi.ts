import type { TestApp } from './test-app.js';
import { api } from './http.js';

/** The parts of an OpenAPI 3 schema object these helpers read. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

export async function openApiDocument(t: TestApp): Promise<OpenApiDocument> {
  return (await api(t).get('/docs-json').expect(200)).body as OpenApiDocument;
}

/** `/purchases/:id` → `/purchases/{id}`. */
export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  while (current.$ref) current = doc.components?.schemas?.[current.$ref.replace('#/components/schemas/', '')] ?? {};
  if (current.allOf) return current.allOf.reduce<Schema>((merged, part) => mergeSchemas(merged, resolve(doc, part)), {});
  return current;
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  return { ...a, ...b, properties: { ...a.properties, ...b.properties }, required: [...(a.required ?? []), ...(b.required ?? [])] };
}

/** The JSON request body schema of a route, if it takes one. */
export function requestBodySchema(doc: OpenApiDocument, method: string, expressPath: string): Schema | undefined {
  const schema = doc.paths[openApiPath(expressPath)]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
  return schema && resolve(doc, schema);
}

/**
 * A request body built from the documented examples: required properties always, optional ones
 * when they have an example. Routes document examples that pass validation, so this is a body
 * the route accepts as far as its shape goes.
 */
export function exampleOf(doc: OpenApiDocument, given: Schema): unknown {
  const schema = resolve(doc, given);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const choice = schema.oneOf ?? schema.anyOf;
  if (choice) return exampleOf(doc, choice[0]);
  switch (schema.type) {
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const resolved = resolve(doc, property);
        if (schema.required?.includes(name) || resolved.example !== undefined) body[name] = exampleOf(doc, property);
      }
      return body;
    }
    case 'array':
      return schema.items ? [exampleOf(doc, schema.items)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return 'x';
    default:
      return schema.properties ? exampleOf(doc, { ...schema, type: 'object' }) : 'x';
  }
}

/**
 * Paths (property names, array indexes) of every string-valued field of `body`, as the schema
 * declares it: plain string properties, strings in arrays, string values of maps (found
 * through the example body's keys) and string alternatives of `oneOf`.
 */
export function stringFields(
  doc: OpenApiDocument,
  given: Schema,
  body: unknown,
  path: Array<string | number> = [],
): Array<Array<string | number>> {
  const schema = resolve(doc, given);
  const choice = schema.oneOf ?? schema.anyOf;
  if (choice) {
    const hasString = choice.some((c) => resolve(doc, c).type === 'string');
    const nested = choice.map((c) => resolve(doc, c)).find((c) => c.type === 'array' || c.type === 'object');
    if (nested && typeof body === 'object' && body !== null) return stringFields(doc, nested, body, path);
    return hasString ? [path] : [];
  }
  if (schema.type === 'string') return [path];
  if (schema.type === 'array' && Array.isArray(body) && schema.items) {
    return body.flatMap((item, i) => stringFields(doc, schema.items!, item, [...path, i]));
  }
  if ((schema.type === 'object' || schema.properties) && typeof body === 'object' && body !== null) {
    const fields: Array<Array<string | number>> = [];
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      fields.push(...stringFields(doc, property, (body as Record<string, unknown>)[name] ?? exampleOf(doc, property), [...path, name]));
    }
    if (typeof schema.additionalProperties === 'object') {
      for (const key of Object.keys(body).filter((k) => !(k in (schema.properties ?? {})))) {
        fields.push(...stringFields(doc, schema.additionalProperties, (body as Record<string, unknown>)[key], [...path, key]));
      }
    }
    return fields;
  }
  return [];
}

/** A property of a request body at any depth, as its schema declares it. */
export interface FieldAt {
  path: Array<string | number>;
  schema: Schema;
  required: boolean;
}

/**
 * Every declared property of `body`, at the top and inside the objects and the first item of
 * the arrays the example holds (`categories.0.value`): the rules of a nested field are the same
 * rules as a top-level one's, and a client meets them the same way.
 */
export function fieldsOf(doc: OpenApiDocument, given: Schema, body: unknown, path: Array<string | number> = []): FieldAt[] {
  const schema = resolve(doc, given);
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !schema.properties) return [];
  const fields: FieldAt[] = [];
  for (const [name, property] of Object.entries(schema.properties)) {
    const resolved = resolve(doc, property);
    const here = [...path, name];
    fields.push({ path: here, schema: resolved, required: schema.required?.includes(name) ?? false });
    const value = (body as Record<string, unknown>)[name];
    if (resolved.type === 'array' && resolved.items && Array.isArray(value) && value.length > 0) {
      fields.push(...fieldsOf(doc, resolved.items, value[0], [...here, 0]));
    } else if (resolved.type === 'object' || resolved.properties) {
      fields.push(...fieldsOf(doc, resolved, value, here));
    }
  }
  return fields;
}

/** A copy of `body` without the value at `path`. */
export function withoutValue(body: unknown, path: Array<string | number>): unknown {
  const [head, ...rest] = path;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string | number, unknown>;
  if (rest.length === 0) delete copy[head];
  else copy[head] = withoutValue(copy[head], rest);
  return copy;
}

/** A copy of `body` with the value at `path` replaced. */
export function withValue(body: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head] = withValue(copy[head], rest, value);
  return copy;
}
