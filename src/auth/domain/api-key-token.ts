import { randomBytes } from 'node:crypto';

/**
 * An API key as its holder sends it: `par_<id>_<secret>`. The id (64 bits, hex) is public — it
 * is the actor id in event metadata — and lets the key be looked up without trying every hash;
 * the secret is 256 random bits (base64url, 43 characters) and is never stored.
 */
const TOKEN = /^par_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyToken {
  id: string;
  secret: string;
}

export function newApiKeyToken(): ApiKeyToken & { key: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, key: formatApiKeyToken(id, secret) };
}

export function formatApiKeyToken(id: string, secret: string): string {
  return `par_${id}_${secret}`;
}

/** The id and secret of a token in the key format, or null for anything else. */
export function parseApiKeyToken(token: string): ApiKeyToken | null {
  const match = TOKEN.exec(token);
  return match ? { id: match[1], secret: match[2] } : null;
}

/** The id under which BOOTSTRAP_ADMIN_KEY (a secret of the operator's choosing) is stored. */
export const BOOTSTRAP_KEY_ID = 'bootstrap';
