import type { JsonSchema } from './event-json-schema.js';

/*
 * A deterministic example of a published event, derived from its JSON Schema so every event type
 * has one without a hand-written sample to keep in step (the contract test validates each
 * example against its schema). Values follow the house formats: 元 with two decimals, calendar
 * days, uuids.
 */

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: '3f0c8a2e-5b1d-4c6e-9a7f-2b8d1e4c6a90',
  date: '2024-03-15',
  'date-time': '2024-03-15T08:30:00.000Z',
};

const PATTERN_SAMPLES: Array<[string, string]> = [
  ['^-?\\d+\\.\\d{2}$', '1900.00'],
  ['^\\d+(\\.\\d+)?$', '2'],
  ['^\\d+$', '2'],
  ['^\\d{4}-\\d{2}-\\d{2}$', '2024-03-15'],
  ['^[0-9a-f]{64}$', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
];

export function exampleOf(schema: JsonSchema, key = ''): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (options) return exampleOf(options.find((o) => o.type !== 'null') ?? options[0], key);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'object':
      return objectExample(schema);
    case 'array':
      return schema.items ? [exampleOf(schema.items as JsonSchema, key)] : [];
    case 'string':
      return stringExample(schema, key);
    case 'integer':
      return typeof schema.minimum === 'number' && schema.minimum > 1 ? schema.minimum : 1;
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return null;
  }
}

function objectExample(schema: JsonSchema): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const example: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) example[name] = exampleOf(property, name);
  // A record keyed by an enum (e.g. funding by source): one entry.
  const names = schema.propertyNames as JsonSchema | undefined;
  if (names && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    example[String(exampleOf(names))] = exampleOf(schema.additionalProperties as JsonSchema);
  }
  return example;
}

function stringExample(schema: JsonSchema, key: string): string {
  const format = typeof schema.format === 'string' ? FORMAT_SAMPLES[schema.format] : undefined;
  if (format) return format;
  const pattern = PATTERN_SAMPLES.find(([p]) => p === schema.pattern);
  if (pattern) return pattern[1];
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  return (key || 'text').padEnd(min, 'x');
}
