import { Command, Query } from '@nestjs/cqrs';
import type { DepartmentScope } from '../../common/auth/department-scope.js';
import type { Role } from '../../common/auth/permissions.js';
import type { Actor, CommandContext } from '../../common/context/command-context.js';

export interface CreatedApiKey {
  id: string;
  /** The whole key, shown in this answer only. */
  key: string;
}

export interface ApiKeySummary {
  id: string;
  name: string;
  roles: string[];
  departments: DepartmentScope;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export class CreateApiKeyCommand extends Command<CreatedApiKey> {
  constructor(
    readonly name: string,
    readonly roles: readonly Role[],
    readonly departments: DepartmentScope,
    readonly context: CommandContext,
    /** The bearer credential of the request: a replay's answer is sealed under it (sealed-answer.ts). */
    readonly credential: string,
  ) {
    super();
  }
}

export class RevokeApiKeyCommand extends Command<void> {
  constructor(
    readonly keyId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

export class ListApiKeysQuery extends Query<ApiKeySummary[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}
