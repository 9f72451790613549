// The cross-checks context's public surface.
export { type CrossCheckChanged, crossCheckEvents } from './domain/cross-check.events.js';
export { crossCheckStreamId } from './infrastructure/cross-check-stream.js';
