import { z } from 'zod';
import type { EventDefinition } from './event-definition.js';
import { id } from './payload.js';

/*
 * The envelope every outlet publishes around a payload (PublicEvent), as a schema: the published
 * contract of one event type and version is this envelope with its `type`, `schemaVersion` and
 * `data` fixed. Not strict: fields may be added to the envelope, never renamed or removed.
 */

const metadata = z.object({
  actor: z.object({
    id: z.string().min(1),
    kind: z.enum(['api_key', 'user', 'system']),
    roles: z.array(z.string()).optional(),
  }),
  correlationId: z.string(),
  causationId: z.string().nullable().meta({ description: 'eventId of the event this one reacted to' }),
});

export const envelopeFields = {
  eventId: id.meta({ description: 'Unique and stable: dedupe by it (delivery is at least once)' }),
  streamId: z.string().meta({ examples: ['purchase-3f0c8a2e-5b1d-4c6e-9a7f-2b8d1e4c6a90'] }),
  streamVersion: z.number().int().positive(),
  position: z.string().regex(/^\d+$/).meta({ description: 'Global position (int8 as a decimal string)' }),
  department: z.string().meta({ examples: ['731'] }),
  budgetYear: z
    .number()
    .int()
    .nullable()
    .meta({ examples: [2024] }),
  occurredAt: z.iso.datetime(),
  recordedAt: z.iso.datetime(),
  metadata,
};

/** The whole published event of one definition. */
export function publishedEventSchema(definition: EventDefinition) {
  return z.object({
    eventId: envelopeFields.eventId,
    type: z.literal(definition.type),
    streamId: envelopeFields.streamId,
    streamVersion: envelopeFields.streamVersion,
    position: envelopeFields.position,
    department: envelopeFields.department,
    budgetYear: envelopeFields.budgetYear,
    schemaVersion: z.literal(definition.schemaVersion),
    occurredAt: envelopeFields.occurredAt,
    recordedAt: envelopeFields.recordedAt,
    data: definition.schema,
    metadata: envelopeFields.metadata,
  });
}
