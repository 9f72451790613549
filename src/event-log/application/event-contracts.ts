import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { AppConfig } from '../../config/app-config.js';
import { contractName, eventJsonSchema, type JsonSchema } from '../domain/event-json-schema.js';
import { findEvent, registeredEvents } from '../domain/event-registry.js';
import { asyncApiDocument } from './asyncapi-document.js';

export const CONTRACTS_VERSION = '0.1.0';

/** The documents committed under contracts/: one JSON Schema per event type and version, and asyncapi.json. */
export function contractFiles(config: Pick<AppConfig, 'NATS_SUBJECT_PREFIX' | 'NATS_STREAM'>): Map<string, JsonSchema> {
  const files = new Map<string, JsonSchema>();
  for (const definition of registeredEvents()) files.set(`${contractName(definition)}.json`, eventJsonSchema(definition));
  files.set(
    'asyncapi.json',
    asyncApiDocument(registeredEvents(), {
      subjectPrefix: config.NATS_SUBJECT_PREFIX,
      stream: config.NATS_STREAM,
      version: CONTRACTS_VERSION,
    }),
  );
  return files;
}

/** How a contract file is written, so the committed copy compares byte for byte. */
export const contractText = (document: JsonSchema) => `${JSON.stringify(document, null, 2)}\n`;

/** The published contracts of the log, from the event registry (every context's definitions). */
@Injectable()
export class EventContracts {
  constructor(private readonly config: AppConfig) {}

  asyncApi(): JsonSchema {
    return contractFiles(this.config).get('asyncapi.json')!;
  }

  /** The JSON Schema of one type at one version, or at its newest version; 404 when there is none. */
  schemaOf(type: string, version?: number): JsonSchema {
    const definition = findEvent(type, version);
    if (!definition) {
      if (version !== undefined && findEvent(type)) {
        throw new NotFoundError('EVENT_SCHEMA.UNKNOWN_VERSION', `Event type ${type} has no schema version ${version}`, 'version');
      }
      throw new NotFoundError('EVENT_SCHEMA.UNKNOWN_TYPE', `No event type ${type}`, 'type');
    }
    return eventJsonSchema(definition);
  }
}
