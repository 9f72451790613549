import { z } from 'zod';
import type { NewEvent, StoredEvent } from './event.js';
import { registerEvent } from './event-registry.js';

/**
 * One event type at one schema version: its payload schema is the single definition that types
 * the code, decodes what the log stored, and (published) tells consumers what to expect.
 * Published payloads never change in place: a changed shape is a new schemaVersion.
 */
export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly schemaVersion: number;
  readonly schema: S;
}

export function defineEvent<const T extends string, S extends z.ZodType>(type: T, schemaVersion: number, schema: S): EventDefinition<T, S> {
  const definition = { type, schemaVersion, schema };
  registerEvent(definition);
  return definition;
}

/** The `{ type, data }` a decider produces and an evolver folds, for one definition. */
export type EventOf<D> = D extends EventDefinition<infer T, infer S> ? { type: T; data: z.output<S> } : never;

/** A stored event that its stream's definitions do not describe: a corrupt log or a missing upcaster. */
export class EventDecodeError extends Error {
  constructor(event: Pick<StoredEvent, 'streamId' | 'streamVersion' | 'type' | 'schemaVersion'>, reason: string) {
    super(`Stored event ${event.streamId}@${event.streamVersion} (${event.type} v${event.schemaVersion}) ${reason}`);
    this.name = 'EventDecodeError';
  }
}

type Decodable = Pick<StoredEvent, 'streamId' | 'streamVersion' | 'type' | 'schemaVersion' | 'data'>;

/**
 * How a stored payload of an older version reads as the next one. The old definition stays (the
 * log and its published contract keep it); decoding checks the old payload against it first.
 */
export interface Upcaster {
  readonly from: EventDefinition;
  readonly to: EventDefinition;
  readonly up: (data: unknown) => unknown;
}

export function defineUpcaster<F extends EventDefinition, T extends EventDefinition>(
  from: F,
  to: T,
  up: (data: z.output<F['schema']>) => z.input<T['schema']>,
): Upcaster {
  if (from.type !== to.type || to.schemaVersion !== from.schemaVersion + 1) {
    throw new Error(
      `An upcaster goes from one version to the next of one type (${from.type} v${from.schemaVersion} → ${to.type} v${to.schemaVersion})`,
    );
  }
  return { from, to, up: up as (data: unknown) => unknown };
}

/**
 * The events of one kind of stream (or one read model's inputs): decodes stored events into the
 * context's union, loudly, and stamps the schema version on new ones.
 */
export class EventCodec<E extends { type: string; data: unknown }> {
  private readonly byType: ReadonlyMap<string, EventDefinition>;
  /** `type@fromVersion` → the upcaster to the next version. */
  private readonly upcasters: ReadonlyMap<string, Upcaster>;

  constructor(definitions: readonly EventDefinition<E['type']>[], upcasters: readonly Upcaster[] = []) {
    this.byType = new Map(definitions.map((d) => [d.type, d]));
    this.upcasters = new Map(upcasters.map((u) => [`${u.from.type}@${u.from.schemaVersion}`, u]));
  }

  handles(type: string): type is E['type'] {
    return this.byType.has(type);
  }

  /** The event as its definition reads it; throws when the type is not ours or the payload does not match. */
  decode(stored: Decodable): E {
    const definition = this.byType.get(stored.type);
    if (!definition) throw new EventDecodeError(stored, 'is not a type this stream holds');
    let data: unknown = stored.data;
    for (let version = stored.schemaVersion; version !== definition.schemaVersion; version++) {
      const upcaster = this.upcasters.get(`${stored.type}@${version}`);
      if (!upcaster || version > definition.schemaVersion) {
        throw new EventDecodeError(stored, `has no definition at this version (defined: v${definition.schemaVersion})`);
      }
      const old = upcaster.from.schema.safeParse(data);
      if (!old.success) throw new EventDecodeError(stored, `does not match its definition: ${z.prettifyError(old.error)}`);
      data = upcaster.up(old.data);
    }
    const parsed = definition.schema.safeParse(data);
    if (!parsed.success) throw new EventDecodeError(stored, `does not match its definition: ${z.prettifyError(parsed.error)}`);
    return { type: stored.type, data: parsed.data } as E;
  }

  /** For a read model that follows the whole log: undefined for other types, a throw for a bad payload. */
  decodeIfOurs(stored: Decodable): E | undefined {
    return this.byType.has(stored.type) ? this.decode(stored) : undefined;
  }

  encode(event: E): NewEvent<object> {
    const definition = this.byType.get(event.type);
    if (!definition) throw new Error(`No definition for event type ${event.type}`);
    return { type: event.type, data: event.data as object, schemaVersion: definition.schemaVersion };
  }
}
