import type { Actor } from '../context/command-context.js';

/**
 * Turns a bearer token into the actor it stands for, or null when it does not verify (unknown,
 * revoked, expired, wrongly signed …: the caller is never told which). The guard depends on this
 * abstraction; the auth context provides it (API keys, JWT, the bootstrap key).
 */
export abstract class Authenticator {
  abstract authenticate(token: string): Promise<Actor | null>;
}

const BEARER = /^Bearer +([\x21-\x7e]{1,8192}) *$/i;

/** The token of `Authorization: Bearer <token>`; null when absent or not of that form. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  return BEARER.exec(header)?.[1] ?? null;
}
