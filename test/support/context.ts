import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../src/common/context/command-context.js';

export function testContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return { actor: { id: 'test', kind: 'system', departments: '*' }, correlationId: randomUUID(), ...overrides };
}

/** A promise with its resolve handle, to hold a transaction open at a chosen point. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
