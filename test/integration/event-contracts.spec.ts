import { describe, expect, it } from '@jest/globals';
import { Parser } from '@asyncapi/parser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
// Loads every context and so every event definition, as the running app does.
import '../../src/app.module.js';
import { AppConfig } from '../../src/config/app-config.js';
import { registeredEvents } from '../../src/event-log/domain/event-registry.js';
import { contractFiles, contractText } from '../../src/event-log/index.js';
import { contractValidator } from '../support/event-schemas.js';

const DIR = new URL('../../contracts/', import.meta.url);
const committed = (name: string) => (existsSync(new URL(name, DIR)) ? readFileSync(new URL(name, DIR), 'utf8') : undefined);
const files = contractFiles(new AppConfig());
const schemaFiles = [...files.keys()].filter((name) => name !== 'asyncapi.json');

describe('published event contracts (contracts/)', () => {
  it('registers the event types of every context', () => {
    const types = new Set(registeredEvents().map((d) => d.type));
    for (const type of [
      'ProjectRegistered',
      'PurchasePlanned',
      'AssetRegistered',
      'StocktakeClosed',
      'CrossCheckChanged',
      'LedgerBalancesDeclared',
    ]) {
      expect(types).toContain(type);
    }
  });

  it('never changes the schema of a committed (type, version) in place', () => {
    const changed = schemaFiles.filter((name) => committed(name) !== undefined && committed(name) !== contractText(files.get(name)!));
    // A payload change is a new schemaVersion (with an upcaster), never an edit of a published one.
    expect(changed.map((name) => `${name} differs from the committed contracts/${name}: add a new schemaVersion instead`)).toEqual([]);
  });

  it('has a committed contract for every (type, version) the code defines', () => {
    const missing = schemaFiles.filter((name) => committed(name) === undefined);
    expect(missing.map((name) => `${name} has no committed contract: run npm run contracts and commit contracts/`)).toEqual([]);
  });

  it('keeps no committed contract of a version the code no longer defines', () => {
    const orphans = readdirSync(DIR).filter((name) => name.endsWith('.json') && !files.has(name));
    expect(orphans).toEqual([]);
  });

  it('has contracts/asyncapi.json as the code generates it', () => {
    expect(committed('asyncapi.json') === contractText(files.get('asyncapi.json')!) ? 'up to date' : 'stale: run npm run contracts').toBe(
      'up to date',
    );
  });

  it('each JSON Schema compiles (2020-12) and accepts its own AsyncAPI example', () => {
    const ajv = contractValidator();
    const asyncapi = files.get('asyncapi.json') as { components: { messages: Record<string, { examples: Array<{ payload: unknown }> }> } };
    for (const name of schemaFiles) {
      const validate = ajv.compile(files.get(name)!);
      const example = asyncapi.components.messages[name.replace(/\.json$/, '')].examples[0].payload;
      expect({ name, valid: validate(example), errors: ajv.errorsText(validate.errors) }).toEqual({
        name,
        valid: true,
        errors: 'No errors',
      });
    }
  });

  it('rejects money without two decimals, a non-uuid id and a non-date day', () => {
    const ajv = contractValidator();
    const validate = ajv.compile(files.get('PurchaseContracted.v1.json')!);
    const asyncapi = files.get('asyncapi.json') as {
      components: { messages: Record<string, { examples: Array<{ payload: Record<string, unknown> }> }> };
    };
    const good = asyncapi.components.messages['PurchaseContracted.v1'].examples[0].payload;
    const withData = (data: Record<string, unknown>) => ({ ...good, data: { ...(good.data as object), ...data } });
    expect(validate(good)).toBe(true);
    expect(validate(withData({ amount: '1900.5' }))).toBe(false);
    expect(validate(withData({ amount: 1900 }))).toBe(false);
    expect(validate(withData({ purchaseId: 'p-1' }))).toBe(false);
    expect(validate(withData({ signedOn: '2024/03/15' }))).toBe(false);
  });
});

describe('AsyncAPI document', () => {
  it('validates with @asyncapi/parser without errors', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(files.get('asyncapi.json')));
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document).toBeDefined();
  });

  it('lists exactly the event types and versions the code registers', async () => {
    const { document } = await new Parser().parse(JSON.stringify(files.get('asyncapi.json')));
    const messages = document!.components().messages().all();
    const registered = registeredEvents().map((d) => `${d.type}.v${d.schemaVersion}`);
    expect(messages.map((m) => m.id()).sort()).toEqual([...registered].sort());
    expect(new Set(messages.map((m) => m.name()))).toEqual(new Set(registeredEvents().map((d) => d.type)));
    const subjects = document!
      .channels()
      .all()
      .map((c) => c.address());
    for (const type of new Set(registeredEvents().map((d) => d.type))) expect(subjects).toContain(`register.events.{department}.${type}`);
    expect(subjects).toEqual(expect.arrayContaining(['/events/stream', '/events']));
  });
});
