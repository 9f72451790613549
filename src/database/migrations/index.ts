import { EventLog1764028800000 } from './1764028800000-event-log.js';
import { Budget1764028800001 } from './1764028800001-budget.js';
import { Purchases1764028800002 } from './1764028800002-purchases.js';
import { ApiKeys1764028800005 } from './1764028800005-api-keys.js';

/** In order. ESM builds cannot glob-load migrations reliably, so each one is listed here. */
export const MIGRATIONS = [EventLog1764028800000, Budget1764028800001, Purchases1764028800002, ApiKeys1764028800005];
