import { z } from 'zod';
import { defineEvent, EventCodec, type EventOf } from '../../event-log/index.js';

/*
 * Public contracts (schemaVersion 1). Never change a payload in place: add a version.
 */

/** A department's name in the department registry (stream `department-<code>`). */
export const DepartmentNamedV1 = defineEvent('DepartmentNamed', 1, z.strictObject({ code: z.string(), name: z.string() }));

const count = z.number().int().nonnegative();

/**
 * A published disclosure was imported into the register (stream `disclosure-<dept>-<year>`),
 * after the commands it issued, in the same transaction. `sha256` identifies the document text.
 */
export const DisclosureImportedV1 = defineEvent(
  'DisclosureImported',
  1,
  z.strictObject({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    department: z.string(),
    budgetYear: z.number().int(),
    counts: z.strictObject({
      budgetLines: count,
      projects: count,
      purchases: count,
      holdingsCategories: count,
      added: count,
      changed: count,
      unchanged: count,
      onlyInRegister: count,
    }),
  }),
);

export type DepartmentNamed = EventOf<typeof DepartmentNamedV1>;
export type DisclosureImported = EventOf<typeof DisclosureImportedV1>;
export type DisclosureImportCounts = DisclosureImported['data']['counts'];

export const departmentEvents = new EventCodec<DepartmentNamed>([DepartmentNamedV1]);
export const disclosureEvents = new EventCodec<DisclosureImported>([DisclosureImportedV1]);
