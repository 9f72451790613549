import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { scopeCovers } from '../../common/auth/department-scope.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { newApiKeyToken } from '../domain/api-key-token.js';
import { hashSecret } from '../domain/secret-hash.js';
import { ApiKeyCache } from '../infrastructure/api-key-cache.js';
import { ApiKeyRepository, type ApiKeyRecord } from '../infrastructure/api-key.repository.js';
import { type ApiKeySummary, CreateApiKeyCommand, type CreatedApiKey, ListApiKeysQuery, RevokeApiKeyCommand } from './api-key.commands.js';

const summary = (k: ApiKeyRecord): ApiKeySummary => ({
  id: k.id,
  name: k.name,
  roles: k.roles,
  departments: k.departments,
  createdAt: k.createdAt.toISOString(),
  createdBy: k.createdBy,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  revokedBy: k.revokedBy,
});

/**
 * An admin manages only keys within its own departments: it cannot mint a key wider than
 * itself, and keys reaching further are invisible to it (404, as for a missing key).
 *
 * Key management is not event-sourced and ignores Idempotency-Key: a stored answer would hold
 * the secret in plain text. It is logged (id, name, roles, departments, who), never the secret.
 */
@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand, CreatedApiKey> {
  private readonly logger = new Logger('ApiKeys');

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: ApiKeyRepository,
  ) {}

  async execute({ name, roles, departments, actor }: CreateApiKeyCommand): Promise<CreatedApiKey> {
    if (!scopeCovers(actor.departments, departments)) {
      throw new ForbiddenError(
        'AUTH.DEPARTMENT_OUT_OF_SCOPE',
        'A key may only cover departments within the scope of the key that creates it',
        'departments',
      );
    }
    const token = newApiKeyToken();
    const secretHash = await hashSecret(token.secret);
    await this.dataSource.transaction((tx) =>
      this.keys.insert(tx, { id: token.id, name, roles: [...new Set(roles)], departments, secretHash, createdBy: actor.id }),
    );
    this.logger.log({ keyId: token.id, name, roles, departments, by: actor.id }, 'API key created');
    return { id: token.id, key: token.key };
  }
}

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand, void> {
  private readonly logger = new Logger('ApiKeys');

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: ApiKeyRepository,
    private readonly cache: ApiKeyCache,
  ) {}

  async execute({ keyId, actor }: RevokeApiKeyCommand): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const key = await this.keys.get(tx, keyId);
      if (!key || !scopeCovers(actor.departments, key.departments)) {
        throw new NotFoundError('API_KEY.NOT_FOUND', `No API key ${keyId}`, 'id');
      }
      await this.keys.revoke(tx, keyId, actor.id);
    });
    // This instance at once (the only one on PGlite); the others by the revocation's NOTIFY.
    this.cache.invalidate(keyId);
    this.logger.log({ keyId, by: actor.id }, 'API key revoked');
  }
}

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery, ApiKeySummary[]> {
  constructor(private readonly keys: ApiKeyRepository) {}

  async execute({ actor }: ListApiKeysQuery): Promise<ApiKeySummary[]> {
    return (await this.keys.list()).filter((k) => scopeCovers(actor.departments, k.departments)).map(summary);
  }
}
