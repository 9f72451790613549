import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { DataSource } from 'typeorm';
import { registeredEvents } from '../../src/event-log/domain/event-registry.js';
import { contractFiles } from '../../src/event-log/index.js';
import { toPublicEvent } from '../../src/event-log/domain/public-event.js';
import { toStoredEvent, EVENT_COLUMNS, type EventRow } from '../../src/event-log/infrastructure/store/event-rows.js';
import { loadConfig } from '../../src/config/app-config.js';

/** Ajv with the formats the contracts use (uuid, date, date-time), strict about unknown keywords. */
export function contractValidator(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv;
}

/**
 * Every event in the database, as the feed publishes it, checked against the JSON Schema of its
 * (type, schemaVersion) from the code's contracts; returns one line per mismatch or unknown pair.
 */
export async function eventsBreakingTheirSchema(dataSource: DataSource): Promise<string[]> {
  const ajv = contractValidator();
  const schemas = contractFiles(loadConfig({}));
  const types = new Set(registeredEvents().map((d) => d.type));
  const problems: string[] = [];
  const rows: EventRow[] = await dataSource.query(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY global_position`);
  for (const event of rows.map(toStoredEvent).map(toPublicEvent)) {
    // Suites also append made-up types straight to the store (Seeded, TestNoted): no contract to keep.
    if (!types.has(event.type)) continue;
    const schema = schemas.get(`${event.type}.v${event.schemaVersion}.json`);
    if (!schema) {
      problems.push(`${event.position} ${event.type} v${event.schemaVersion}: no published schema`);
      continue;
    }
    const validate = ajv.getSchema(String(schema.$id)) ?? ajv.compile(schema);
    if (!validate(JSON.parse(JSON.stringify(event)))) {
      problems.push(`${event.position} ${event.type} v${event.schemaVersion}: ${ajv.errorsText(validate.errors)}`);
    }
    if (problems.length >= 20) break;
  }
  return problems;
}
