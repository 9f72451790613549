import type { DisclosureImportCounts, DisclosureImported } from './disclosure.events.js';

/** The documents imported into a department-year so far, by SHA-256. */
export type DisclosureImports = ReadonlySet<string>;
export const NO_IMPORTS: DisclosureImports = new Set();

export function evolveImports(state: DisclosureImports, event: DisclosureImported): DisclosureImports {
  return new Set([...state, event.data.sha256]);
}

/**
 * An import that changed the register is recorded; so is the first import of a document whose
 * figures the register already held. The same document again, changing nothing, writes nothing.
 */
export function decideImported(
  state: DisclosureImports,
  import_: { sha256: string; department: string; budgetYear: number; counts: DisclosureImportCounts; eventsWritten: number },
): DisclosureImported[] {
  if (import_.eventsWritten === 0 && state.has(import_.sha256)) return [];
  const { sha256, department, budgetYear, counts } = import_;
  return [{ type: 'DisclosureImported', data: { sha256, department, budgetYear, counts } }];
}
