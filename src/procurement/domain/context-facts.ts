/**
 * A fact the handler had to look up but did not pass is a wiring bug, not bad input: it
 * fails loudly (500) instead of being mistaken for "unknown" (400).
 */
export function requireFact<T>(fact: T | null | undefined, name: string, command: string): T | null {
  if (fact === undefined) throw new Error(`${command}: the handler must resolve context.${name} (null when not found)`);
  return fact;
}
