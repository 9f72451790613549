// The event log's public surface: what the bounded contexts may use.
export { RebuildReadModelsCommand, type RebuildResult } from './application/rebuild-read-models.command.js';
export { StreamCommands, type DecisionPoint, type StreamCommand, type StreamCommandResult } from './application/stream-command.js';
export {
  defineEvent,
  defineUpcaster,
  EventCodec,
  EventDecodeError,
  type EventDefinition,
  type EventOf,
  type Upcaster,
} from './domain/event-definition.js';
export type { ExpectedVersion, NewEvent, StoredEvent, StreamScope } from './domain/event.js';
export * as payload from './domain/payload.js';
export { EventStore } from './infrastructure/event-store.js';
export { type Projection, ProjectionRegistry } from './infrastructure/projection-registry.js';
export { causedBy, type Reactor, ReactorRegistry } from './infrastructure/reactor-registry.js';
export { contractFiles, contractText } from './application/event-contracts.js';
export { EventRelay, type RelayStatus } from './application/event-relay.js';
