import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { scopeCovers } from '../../common/auth/department-scope.js';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../common/errors/domain-error.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { AnswerSeal } from '../domain/sealed-answer.js';
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

/** What the idempotency store keeps of a creation: the new key's secret only sealed. */
type StoredCreation = { id: string; key: string } | { id: string; sealedKey: string };

/**
 * An admin manages only keys within its own departments: it cannot mint a key wider than
 * itself, and keys reaching further are invisible to it (404, as for a missing key).
 *
 * Key management is not event-sourced. With an Idempotency-Key, a retry answers the same key
 * (and creates none); the stored answer holds the secret sealed under the caller's credential,
 * so it is readable to that caller's retry only. It is logged (id, name, roles, departments,
 * who), never the secret.
 */
@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand, CreatedApiKey> {
  private readonly logger = new Logger('ApiKeys');

  constructor(
    private readonly runner: TransactionRunner,
    private readonly keys: ApiKeyRepository,
  ) {}

  async execute({ name, roles, departments, context, credential }: CreateApiKeyCommand): Promise<CreatedApiKey> {
    const { actor, idempotency } = context;
    if (!scopeCovers(actor.departments, departments)) {
      throw new ForbiddenError(
        'AUTH.DEPARTMENT_OUT_OF_SCOPE',
        'A key may only cover departments within the scope of the key that creates it',
        'departments',
      );
    }
    const seal = idempotency && AnswerSeal.for(credential, idempotency.scope, idempotency.key);
    const stored = await this.runner.run<StoredCreation>(context, async (tx) => {
      const token = newApiKeyToken();
      const secretHash = await hashSecret(token.secret);
      await this.keys.insert(tx.manager, { id: token.id, name, roles: [...new Set(roles)], departments, secretHash, createdBy: actor.id });
      tx.afterCommit(() => this.logger.log({ keyId: token.id, name, roles, departments, by: actor.id }, 'API key created'));
      return seal ? { id: token.id, sealedKey: seal.seal(token.key, token.id) } : { id: token.id, key: token.key };
    });
    if ('key' in stored) return stored;
    const key = seal?.open(stored.sealedKey, stored.id);
    if (!key) {
      // The first answer was sealed under another credential of the same caller (a renewed
      // token, a changed bootstrap key): the key exists, but its secret cannot be shown again.
      throw new UnprocessableError(
        'IDEMPOTENCY.SEALED_ANSWER',
        `Key ${stored.id} was created by this Idempotency-Key under another credential; its secret cannot be shown again: revoke it and create a new one`,
        'Idempotency-Key',
        { id: stored.id },
      );
    }
    return { id: stored.id, key };
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
