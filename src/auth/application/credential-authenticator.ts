import { Injectable } from '@nestjs/common';
import { Authenticator } from '../../common/auth/authenticator.js';
import type { Actor } from '../../common/context/command-context.js';
import { BOOTSTRAP_KEY_ID, parseApiKeyToken } from '../domain/api-key-token.js';
import { ApiKeyVerifier } from './api-key-verifier.js';
import { JwtVerifier } from './jwt-verifier.js';

/** Three base64url segments: a compact JWS. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * A token is told apart by its shape, never by trying each kind in turn: `par_<id>_<secret>` is an
 * API key, a compact JWS is a person's token, anything else can only be the operator's
 * BOOTSTRAP_ADMIN_KEY (which may not contain a '.').
 */
@Injectable()
export class CredentialAuthenticator extends Authenticator {
  constructor(
    private readonly keys: ApiKeyVerifier,
    private readonly jwt: JwtVerifier,
  ) {
    super();
  }

  authenticate(token: string): Promise<Actor | null> {
    const key = parseApiKeyToken(token);
    if (key) return this.keys.verify(key.id, key.secret);
    if (JWT_SHAPE.test(token)) return this.jwt.verify(token);
    return this.keys.verify(BOOTSTRAP_KEY_ID, token);
  }
}
