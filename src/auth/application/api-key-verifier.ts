import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/context/command-context.js';
import { verifySecret } from '../domain/secret-hash.js';
import { ApiKeyCache } from '../infrastructure/api-key-cache.js';
import { ApiKeyRepository } from '../infrastructure/api-key.repository.js';

const CACHE_SIZE = 10_000;

const digestOf = (secret: string) => createHash('sha256').update(secret).digest();

/**
 * Verifies a key's secret against its scrypt hash. scrypt costs tens of milliseconds by design,
 * so a secret that verified once is remembered (as a SHA-256 digest, keyed by key id and tied
 * to the stored hash) and later requests compare digests in constant time. The key row comes
 * from ApiKeyCache, which every instance empties of a key as its revocation commits.
 */
@Injectable()
export class ApiKeyVerifier {
  /** key id → the stored hash it was verified against and the digest of the secret; LRU by Map order. */
  private readonly verified = new Map<string, { secretHash: string; digest: Buffer }>();
  /** Concurrent first requests of one key share one scrypt run. */
  private readonly pending = new Map<string, Promise<boolean>>();

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly cache: ApiKeyCache,
  ) {}

  async verify(id: string, secret: string): Promise<Actor | null> {
    const key = await this.cache.credential(id, () => this.keys.credential(id));
    if (!key || key.revoked) {
      this.verified.delete(id);
      return null;
    }
    const digest = digestOf(secret);
    const known = this.verified.get(id);
    let valid: boolean;
    if (known && known.secretHash === key.secretHash) {
      valid = timingSafeEqual(known.digest, digest);
      if (valid) this.touch(id, known);
    } else {
      valid = await this.verifyOnce(id, secret, digest, key.secretHash);
    }
    return valid ? { id: key.id, kind: 'api_key', roles: key.roles, departments: key.departments } : null;
  }

  private verifyOnce(id: string, secret: string, digest: Buffer, secretHash: string): Promise<boolean> {
    const flight = `${id}:${digest.toString('hex')}`;
    let running = this.pending.get(flight);
    if (!running) {
      running = verifySecret(secret, secretHash)
        .then((ok) => {
          if (ok) this.touch(id, { secretHash, digest });
          return ok;
        })
        .finally(() => this.pending.delete(flight));
      this.pending.set(flight, running);
    }
    return running;
  }

  private touch(id: string, entry: { secretHash: string; digest: Buffer }): void {
    this.verified.delete(id);
    this.verified.set(id, entry);
    if (this.verified.size > CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
  }
}
