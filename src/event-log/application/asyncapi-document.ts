import { contractName, eventJsonSchemaDraft7, type JsonSchema } from '../domain/event-json-schema.js';
import { exampleOf } from '../domain/event-example.js';
import type { EventDefinition } from '../domain/event-definition.js';

export interface AsyncApiOptions {
  subjectPrefix: string;
  stream: string;
  version: string;
}

const ref = (path: string) => ({ $ref: `#/${path}` });

/**
 * The AsyncAPI 3.0 document of the log: every event type and version the code defines, as
 * messages on the three ways to follow the log (NATS JetStream subjects, the SSE stream, the
 * paged feed). Built from the event registry, so a new definition is published without an edit here.
 */
export function asyncApiDocument(definitions: readonly EventDefinition[], options: AsyncApiOptions): JsonSchema {
  const messages: Record<string, JsonSchema> = {};
  const natsChannels: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  for (const definition of definitions) {
    const key = messageKey(definition);
    const payload = eventJsonSchemaDraft7(definition);
    messages[key] = {
      name: definition.type,
      title: `${definition.type} (schemaVersion ${definition.schemaVersion})`,
      contentType: 'application/json',
      headers: natsHeaders(definition),
      payload,
      examples: [{ name: `${definition.type}-example`, payload: exampleOf(payload) }],
      description: `JSON Schema 2020-12 of this message: GET /schemas/events/${definition.type}/${definition.schemaVersion}`,
    };
  }
  const allMessages = Object.fromEntries(Object.keys(messages).map((key) => [key, ref(`components/messages/${key}`)]));
  for (const type of [...new Set(definitions.map((d) => d.type))]) {
    const channel = `nats-${type}`;
    const own = definitions.filter((d) => d.type === type).map(messageKey);
    natsChannels[channel] = {
      address: `${options.subjectPrefix}.{department}.${type}`,
      title: `NATS subject of ${type}`,
      description: `JetStream stream ${options.stream}; one message per event, Nats-Msg-Id = eventId.`,
      servers: [ref('servers/nats')],
      parameters: { department: ref('components/parameters/department') },
      messages: Object.fromEntries(own.map((key) => [key, ref(`components/messages/${key}`)])),
    };
    operations[`receive-${type}`] = {
      action: 'receive',
      channel: ref(`channels/${channel}`),
      summary: `Consume ${type} from JetStream`,
      messages: own.map((key) => ref(`channels/${channel}/messages/${key}`)),
    };
  }
  const httpChannel = (address: string, description: string) => ({
    address,
    description,
    servers: [ref('servers/http')],
    messages: allMessages,
  });
  const receiveAll = (channel: string, summary: string) => ({
    action: 'receive',
    channel: ref(`channels/${channel}`),
    summary,
    messages: Object.keys(messages).map((key) => ref(`channels/${channel}/messages/${key}`)),
  });
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Procurement and asset register: event log',
      version: options.version,
      description:
        'Every event the register can emit, in the envelope all outlets share. Delivery is at least once: ' +
        'dedupe by eventId. A published payload never changes in place; a changed shape is a new schemaVersion.',
    },
    defaultContentType: 'application/json',
    servers: {
      nats: { host: 'localhost:4222', protocol: 'nats', description: 'The NATS server of NATS_URL (JetStream)' },
      http: { host: 'localhost:3000', protocol: 'http', description: 'This service (GET /events, GET /events/stream)' },
    },
    channels: {
      ...natsChannels,
      'sse-stream': httpChannel(
        '/events/stream',
        'Server-sent events: `event` messages carry one event, `id` is its cursor (resume with Last-Event-ID).',
      ),
      feed: httpChannel('/events', 'The paged gap-free feed: `events` of each page, `next` to continue.'),
    },
    operations: {
      ...operations,
      'follow-stream': receiveAll('sse-stream', 'Follow the log live (GET /events/stream)'),
      'read-feed': receiveAll('feed', 'Read the log page by page (GET /events)'),
    },
    components: {
      messages,
      parameters: { department: { description: 'The department code the event is filed under, e.g. 731' } },
    },
  };
}

const messageKey = (definition: EventDefinition) => contractName(definition);

function natsHeaders(definition: EventDefinition): JsonSchema {
  return {
    type: 'object',
    properties: {
      'Nats-Msg-Id': { type: 'string', description: 'eventId' },
      'Event-Type': { type: 'string', const: definition.type },
      Department: { type: 'string' },
      'Feed-Cursor': { type: 'string', description: 'The feed cursor just past this event' },
    },
  };
}
