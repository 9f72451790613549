import { createHash } from 'node:crypto';

/**
 * The code of a project the document names (政府采购项目来源) but never codes: "X-" + department +
 * "-" + year + "-" + the first 12 hex digits of SHA-256("<dept>/<year>/<name>"). The same
 * document always gives the same code, and a project renamed in a later document is a new one.
 */
export function derivedProjectCode(department: string, year: number, name: string): string {
  const digest = createHash('sha256').update(`${department}/${year}/${name}`, 'utf8').digest('hex');
  return `X-${department}-${year}-${digest.slice(0, 12)}`;
}
