import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { AccessGuard } from '../common/auth/access.guard.js';
import { Authenticator } from '../common/auth/authenticator.js';
import { CredentialThrottler, THROTTLER_NAME } from '../common/auth/credential-throttler.js';
import type { AuthenticatedRequest } from '../common/http/actor.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { ApiKeysController } from './api/api-keys.controller.js';
import { MeController } from './api/me.controller.js';
import { AdminKeyBootstrap } from './application/admin-key-bootstrap.js';
import { ApiKeyVerifier } from './application/api-key-verifier.js';
import { CreateApiKeyHandler, ListApiKeysHandler, RevokeApiKeyHandler } from './application/api-key.handlers.js';
import { CredentialAuthenticator } from './application/credential-authenticator.js';
import { JwtVerifier } from './application/jwt-verifier.js';
import { ApiKeyCache } from './infrastructure/api-key-cache.js';
import { ApiKeyRepository } from './infrastructure/api-key.repository.js';
import { RedisThrottlerStorage } from './infrastructure/redis-throttler-storage.js';

/** Authentication (API keys, JWT, the bootstrap key), the global access guard, rate limits, key management. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Nest closes it at shutdown: the storage is the ThrottlerStorage provider's instance.
        ...(config.REDIS_URL ? { storage: new RedisThrottlerStorage(config) } : {}),
        throttlers: [
          {
            name: THROTTLER_NAME,
            ttl: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
            limit: (context) =>
              (context.switchToHttp().getRequest<Request>() as AuthenticatedRequest).actor
                ? config.RATE_LIMIT
                : config.RATE_LIMIT_ANONYMOUS,
          },
        ],
      }),
    }),
  ],
  controllers: [ApiKeysController, MeController],
  providers: [
    ApiKeyRepository,
    ApiKeyCache,
    ApiKeyVerifier,
    JwtVerifier,
    { provide: Authenticator, useClass: CredentialAuthenticator },
    CredentialThrottler,
    AdminKeyBootstrap,
    CreateApiKeyHandler,
    RevokeApiKeyHandler,
    ListApiKeysHandler,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
