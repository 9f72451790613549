import { Injectable } from '@nestjs/common';
import { type CryptoKey, errors, importSPKI, type JWTPayload, jwtVerify } from 'jose';
import type { DepartmentScope } from '../../common/auth/department-scope.js';
import { isRole } from '../../common/auth/permissions.js';
import type { Actor } from '../../common/context/command-context.js';
import { DEPARTMENT_CODE } from '../../common/validation/patterns.js';
import { AppConfig } from '../../config/app-config.js';

type VerificationKey = Uint8Array | CryptoKey;

/**
 * People's tokens from the organisation's identity provider: HS256 with a shared secret or
 * RS256 with the provider's public key (only the configured algorithm is accepted, so a token
 * cannot pick its own). `iss` and `aud` must match, `exp` and `sub` must be present. Roles and
 * departments come from configurable claims; roles the register does not know are ignored.
 */
@Injectable()
export class JwtVerifier {
  private readonly algorithm: 'HS256' | 'RS256' | null;
  private readonly key: Promise<VerificationKey> | null;

  constructor(private readonly config: AppConfig) {
    if (config.JWT_SECRET) {
      this.algorithm = 'HS256';
      this.key = Promise.resolve(new TextEncoder().encode(config.JWT_SECRET));
    } else if (config.JWT_PUBLIC_KEY) {
      this.algorithm = 'RS256';
      this.key = importSPKI(config.jwtPublicKeyPem!, 'RS256');
    } else {
      this.algorithm = null;
      this.key = null;
    }
  }

  get enabled(): boolean {
    return this.key !== null;
  }

  async verify(token: string): Promise<Actor | null> {
    if (!this.key || !this.algorithm) return null;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.key, {
        algorithms: [this.algorithm],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.jwtAudiences,
        clockTolerance: this.config.JWT_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (err) {
      if (err instanceof errors.JOSEError) return null;
      throw err;
    }
    const roles = rolesOf(claim(payload, this.config.JWT_ROLES_CLAIM));
    const departments = departmentsOf(claim(payload, this.config.JWT_DEPARTMENTS_CLAIM));
    if (!payload.sub || roles === null || departments === null) return null;
    return { id: payload.sub, kind: 'user', roles, departments };
  }
}

/** A claim by its exact name (namespaced URLs contain dots), else by dotted path (`realm_access.roles`). */
function claim(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Known roles of an array or space-separated string; absent → none; any other shape → invalid. */
function rolesOf(value: unknown): string[] | null {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value;
  if (!Array.isArray(list) || !list.every((r) => typeof r === 'string')) return null;
  return [...new Set(list.filter(isRole))];
}

/** `"*"`, or an array of department codes; absent → none; any other shape → invalid. */
function departmentsOf(value: unknown): DepartmentScope | null {
  if (value === undefined) return [];
  if (value === '*') return '*';
  if (!Array.isArray(value) || !value.every((d) => typeof d === 'string' && DEPARTMENT_CODE.test(d))) return null;
  return [...new Set(value as string[])];
}
