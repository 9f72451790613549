import 'reflect-metadata';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
// Loads every context, and with it every event definition (the registry fills itself).
import '../app.module.js';
import { AppConfig } from '../config/app-config.js';
import { contractFiles, contractText } from '../event-log/index.js';

/**
 * `npm run contracts`: writes contracts/<Type>.v<N>.json and contracts/asyncapi.json from the
 * code's event definitions (default NATS subject prefix and stream). The committed copies are
 * compared by test/integration/event-contracts.spec.ts.
 */
const dir = new URL('../../contracts/', import.meta.url);
mkdirSync(dir, { recursive: true });
const files = contractFiles(new AppConfig());
for (const [name, document] of files) writeFileSync(new URL(name, dir), contractText(document));
const orphans = readdirSync(dir).filter((name) => name.endsWith('.json') && !files.has(name));
console.log(`wrote ${files.size} contracts to contracts/`);
if (orphans.length) console.warn(`no definition for (a published version must not disappear): ${orphans.join(', ')}`);
