import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The text of the published 2024 budget disclosure of department 731 (the canonical fixture). */
export const SEED_DISCLOSURE = readFileSync(
  fileURLToPath(new URL('../fixtures/qhd-kexie-731-2024-budget-disclosure.txt', import.meta.url)),
  'utf8',
);

/** The seed with `from` replaced by `to` on its 1-based line `line` (which must contain it). */
export function withLine(line: number, from: string, to: string, text = SEED_DISCLOSURE): string {
  const lines = text.split('\n');
  if (!lines[line - 1].includes(from)) throw new Error(`line ${line} does not contain ${from}: ${lines[line - 1]}`);
  lines[line - 1] = lines[line - 1].replace(from, to);
  return lines.join('\n');
}
