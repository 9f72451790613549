import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A replayable answer that holds a secret (POST /api-keys with an Idempotency-Key) is stored
 * sealed, never readable: AES-256-GCM under a key derived (HKDF-SHA256) from the credential the
 * caller authenticated with, salted with the idempotency scope and key. The register keeps no
 * copy of that credential (only its hash), so the stored answer opens only for a retry sent
 * with the same credential and key; a database reader learns nothing from it.
 */
const VERSION = 's1';

export class AnswerSeal {
  private constructor(private readonly key: Buffer) {}

  static for(credential: string, scope: string, idempotencyKey: string): AnswerSeal {
    const key = hkdfSync('sha256', credential, `${scope}\n${idempotencyKey}`, 'register/api-key-replay/v1', 32);
    return new AnswerSeal(Buffer.from(key));
  }

  /** `s1.<iv>.<tag>.<ciphertext>` (base64url); `context` (the key id) is bound as associated data. */
  seal(secret: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(context));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), sealed].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** The secret, or null when it was sealed under another credential (or tampered with). */
  open(sealed: string, context: string): string | null {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || data === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(context))
        .setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
