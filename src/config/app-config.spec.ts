import { generateKeyPairSync } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

const pem = (type: 'rsa' | 'ec', bits = 2048) =>
  (type === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: bits }).publicKey
    : generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey
  )
    .export({ type: 'spki', format: 'pem' })
    .toString();

const JWT = { JWT_ISSUER: 'https://idp', JWT_AUDIENCE: 'register' };

describe('access-control configuration', () => {
  it('has safe defaults: no JWT, rate limits on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ RATE_LIMIT: 600, RATE_LIMIT_ANONYMOUS: 120, RATE_LIMIT_WINDOW_SECONDS: 60, TRUST_PROXY: 0 });
    expect(config.jwtEnabled).toBe(false);
    expect(config.BOOTSTRAP_ADMIN_KEY).toBeUndefined();
  });

  it('reads an HS256 or an RS256 setup', () => {
    expect(loadConfig({ JWT_SECRET: 's'.repeat(32), ...JWT }).jwtAudiences).toEqual(['register']);
    const rs = loadConfig({ JWT_PUBLIC_KEY: pem('rsa'), ...JWT, JWT_AUDIENCE: 'a,b' });
    expect(rs.jwtEnabled).toBe(true);
    expect(rs.jwtAudiences).toEqual(['a', 'b']);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['both keys', { JWT_SECRET: 's'.repeat(32), JWT_PUBLIC_KEY: pem('rsa'), ...JWT }, /not both/],
    ['no issuer', { JWT_SECRET: 's'.repeat(32), JWT_AUDIENCE: 'register' }, /JWT_ISSUER and JWT_AUDIENCE are required/],
    ['no audience', { JWT_SECRET: 's'.repeat(32), JWT_ISSUER: 'https://idp' }, /JWT_ISSUER and JWT_AUDIENCE are required/],
    ['issuer without a key', JWT, /neither JWT_SECRET nor JWT_PUBLIC_KEY/],
    ['a short HS256 secret', { JWT_SECRET: 'short', ...JWT }, /JWT_SECRET must be at least 32/],
    ['an unreadable PEM', { JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----', ...JWT }, /not a readable PEM/],
    ['an EC key', { JWT_PUBLIC_KEY: pem('ec'), ...JWT }, /RSA public key of at least 2048 bits/],
    ['a 1024-bit RSA key', { JWT_PUBLIC_KEY: pem('rsa', 1024), ...JWT }, /RSA public key of at least 2048 bits/],
    ['a bootstrap key with a dot', { BOOTSTRAP_ADMIN_KEY: 'abc.defghijklmnopqrs' }, /BOOTSTRAP_ADMIN_KEY must be/],
    ['a short bootstrap key', { BOOTSTRAP_ADMIN_KEY: 'short' }, /BOOTSTRAP_ADMIN_KEY must be/],
    ['a zero rate limit', { RATE_LIMIT: '0' }, /RATE_LIMIT/],
    ['several workers on the embedded database', { WORKERS: '2' }, /WORKERS=2 needs DATABASE_URL/],
    ['zero workers', { WORKERS: '0', DATABASE_URL: 'postgres://h/db' }, /WORKERS must be a whole number/],
    ['a Redis URL of another scheme', { REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL must be a redis:\/\//],
    ['prepared statements neither on nor off', { DB_PREPARED_STATEMENTS: 'yes' }, /DB_PREPARED_STATEMENTS must be on or off/],
  ])('refuses %s', (_case, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('runs one process per core on PostgreSQL and one on the embedded database unless WORKERS says', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ WORKERS: '1' }).workers).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).workers).toBe(availableParallelism());
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db', WORKERS: '3' }).workers).toBe(3);
  });

  it('never echoes a secret in a configuration error', () => {
    for (const env of [{ JWT_SECRET: 'tooShortButSecret' }, { BOOTSTRAP_ADMIN_KEY: 'has.a.dot.and.is.secret' }]) {
      const secret = Object.values(env)[0];
      expect(() => loadConfig(env)).toThrow('(hidden)');
      try {
        loadConfig(env);
      } catch (err) {
        expect((err as Error).message).not.toContain(secret);
      }
    }
  });
});
