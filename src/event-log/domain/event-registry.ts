import type { EventDefinition } from './event-definition.js';

/*
 * Every event definition the loaded code declares, filled by `defineEvent` itself: a context that
 * defines a new event type (or version) appears in the published contracts without a list to
 * update. The running app loads every context, so there the registry is complete.
 */
const definitions = new Map<string, EventDefinition>();

const keyOf = (type: string, schemaVersion: number) => `${type}@${schemaVersion}`;

export function registerEvent(definition: EventDefinition): void {
  const key = keyOf(definition.type, definition.schemaVersion);
  const existing = definitions.get(key);
  // Two definitions of one (type, version) would publish one contract and decode by another.
  if (existing && existing !== definition) throw new Error(`Event ${key} is defined twice`);
  definitions.set(key, definition);
}

/** All definitions, by type and then version. */
export function registeredEvents(): EventDefinition[] {
  return [...definitions.values()].sort((a, b) => a.type.localeCompare(b.type) || a.schemaVersion - b.schemaVersion);
}

/** One type at one version, or (without a version) its newest one. */
export function findEvent(type: string, schemaVersion?: number): EventDefinition | undefined {
  if (schemaVersion !== undefined) return definitions.get(keyOf(type, schemaVersion));
  return registeredEvents()
    .filter((d) => d.type === type)
    .at(-1);
}
