import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { importPKCS8, SignJWT } from 'jose';
import { loadConfig } from '../../config/app-config.js';
import { JwtVerifier } from './jwt-verifier.js';

const ISSUER = 'https://sso.hebei.gov.cn/realms/finance';
const AUDIENCE = 'procurement-register';

function rsaPair() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

describe('JwtVerifier with an RS256 public key', () => {
  const provider = rsaPair();
  const impostor = rsaPair();
  let verifier: JwtVerifier;

  const sign = async (claims: Record<string, unknown>, privatePem = provider.privatePem, audience = AUDIENCE) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('wang.fang')
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(await importPKCS8(privatePem, 'RS256'));

  beforeAll(() => {
    // As an env file carries it: one line, with \n escapes.
    const JWT_PUBLIC_KEY = provider.publicPem.trim().replace(/\n/g, '\\n');
    verifier = new JwtVerifier(loadConfig({ JWT_PUBLIC_KEY, JWT_ISSUER: ISSUER, JWT_AUDIENCE: `other-app,${AUDIENCE}` }));
  });

  it('accepts the provider’s token, for any configured audience, as the subject with its known roles and departments', async () => {
    const token = await sign({ roles: ['auditor', 'offline_access'], departments: ['731', '731001'] });
    expect(await verifier.verify(token)).toEqual({ id: 'wang.fang', kind: 'user', roles: ['auditor'], departments: ['731', '731001'] });
    expect(await verifier.verify(await sign({ roles: 'admin auditor', departments: '*' }, provider.privatePem, 'other-app'))).toEqual({
      id: 'wang.fang',
      kind: 'user',
      roles: ['admin', 'auditor'],
      departments: '*',
    });
  });

  it('absent role or department claims grant nothing (the token still identifies its subject)', async () => {
    expect(await verifier.verify(await sign({}))).toEqual({ id: 'wang.fang', kind: 'user', roles: [], departments: [] });
  });

  it('refuses a token signed by another key, or HS256-signed with the public key as the secret', async () => {
    expect(await verifier.verify(await sign({ roles: ['admin'] }, impostor.privatePem))).toBeNull();
    const confused = await new SignJWT({ roles: ['admin'], departments: '*' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(provider.publicPem));
    expect(await verifier.verify(confused)).toBeNull();
  });

  it.each([
    ['roles', 42],
    ['roles', [1, 2]],
    ['departments', 'all'],
    ['departments', ['731', '7 3 1']],
  ])('refuses a token whose %s claim is malformed (%j)', async (claim, value) => {
    expect(await verifier.verify(await sign({ [claim]: value }))).toBeNull();
  });
});

describe('JwtVerifier without JWT configuration', () => {
  it('is disabled and verifies nothing', async () => {
    const verifier = new JwtVerifier(loadConfig({}));
    expect(verifier.enabled).toBe(false);
    expect(await verifier.verify('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln')).toBeNull();
  });
});
