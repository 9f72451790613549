// The disclosure context's public surface: what other contexts and the CLI may use.
export { departmentEvents, disclosureEvents, type DepartmentNamed, type DisclosureImported } from './domain/disclosure.events.js';
export { ImportDisclosureCommand } from './application/import-disclosure.command.js';
export type { DisclosureReport } from './domain/import-report.js';
export type { DiffEntry } from './domain/import-plan.js';
