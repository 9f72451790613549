import { z } from 'zod';
import type { EventDefinition } from './event-definition.js';
import { publishedEventSchema } from './event-envelope.js';

export type JsonSchema = Record<string, unknown>;

const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** The stable name of a contract, also its file name under contracts/. */
export const contractName = (d: Pick<EventDefinition, 'type' | 'schemaVersion'>) => `${d.type}.v${d.schemaVersion}`;

/**
 * The published JSON Schema (2020-12) of one event type and version, generated from the same
 * zod definition that decodes the stored events. `io: 'input'` describes the JSON on the wire.
 */
export function eventJsonSchema(definition: EventDefinition): JsonSchema {
  const generated = z.toJSONSchema(publishedEventSchema(definition), { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: `urn:procurement-asset-register:events:${contractName(definition)}`,
    title: `${definition.type} v${definition.schemaVersion}`,
    ...withoutKey(generated, '$schema'),
  };
}

/** The same schema in the JSON Schema dialect AsyncAPI 3.0 embeds (draft-07). */
export function eventJsonSchemaDraft7(definition: EventDefinition): JsonSchema {
  const generated = z.toJSONSchema(publishedEventSchema(definition), { target: 'draft-7', io: 'input', unrepresentable: 'throw' });
  return withoutKey(generated, '$schema');
}

function withoutKey(schema: JsonSchema, key: string): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([k]) => k !== key));
}
