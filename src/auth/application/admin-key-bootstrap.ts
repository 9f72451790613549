import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError } from '../../config/app-config.js';
import { BOOTSTRAP_KEY_ID, newApiKeyToken, parseApiKeyToken } from '../domain/api-key-token.js';
import { hashSecret, verifySecret } from '../domain/secret-hash.js';
import { ApiKeyRepository } from '../infrastructure/api-key.repository.js';

/**
 * The first way in. BOOTSTRAP_ADMIN_KEY=<secret> is stored (hashed) as admin key `bootstrap` at
 * every start. Without it, the first start of the embedded database — a person trying the
 * service on a laptop — creates an admin key and prints it once; only its hash is kept.
 */
@Injectable()
export class AdminKeyBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminKeyBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly keys: ApiKeyRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const secret = this.config.BOOTSTRAP_ADMIN_KEY;
    if (!secret) return;
    if (parseApiKeyToken(secret)) {
      throw new ConfigError('Invalid configuration: BOOTSTRAP_ADMIN_KEY must not have the form of a generated key (par_…)');
    }
    // Unchanged secret, still an unrevoked admin of "*": leave the row as it is. Rehashing at
    // every start (a new salt) would make every instance's verified-secret cache miss.
    const stored = await this.keys.credential(BOOTSTRAP_KEY_ID);
    const current = stored && !stored.revoked && stored.departments === '*' && stored.roles.length === 1 && stored.roles[0] === 'admin';
    if (current && (await verifySecret(secret, stored.secretHash))) return;
    await this.keys.upsertBootstrap(this.dataSource.manager, {
      id: BOOTSTRAP_KEY_ID,
      name: 'BOOTSTRAP_ADMIN_KEY',
      roles: ['admin'],
      departments: '*',
      secretHash: await hashSecret(secret),
      createdBy: 'system',
    });
  }

  /**
   * Run once before the server listens (main.ts). On the embedded database with no key at all
   * and no BOOTSTRAP_ADMIN_KEY, creates an admin key and hands its text to `print` — the only
   * time it is ever shown. Returns that key, or null when none was created.
   */
  async ensureAdminAccess(print: (text: string) => void = (text) => process.stdout.write(text)): Promise<string | null> {
    if (this.config.BOOTSTRAP_ADMIN_KEY) return null;
    const created = await this.dataSource.transaction(async (tx) => {
      if ((await this.keys.count(tx)) > 0) return null;
      if (this.config.databaseKind !== 'pglite') return 'none' as const;
      const token = newApiKeyToken();
      await this.keys.insert(tx, {
        id: token.id,
        name: 'first admin key (created at first start)',
        roles: ['admin'],
        departments: '*',
        secretHash: await hashSecret(token.secret),
        createdBy: 'system',
      });
      return token;
    });
    if (created === 'none') {
      this.logger.warn('No API key exists and BOOTSTRAP_ADMIN_KEY is not set: every protected route answers 401');
      return null;
    }
    if (!created) return null;
    // No log line here: the logger writes asynchronously, so a line logged now could land after
    // the banner and push it up; the banner itself names the key id.
    print(
      [
        '',
        '================================================================================',
        ' First start: an admin API key was created for this register. It is shown ONLY',
        ' NOW and stored only as a hash; keep it somewhere safe. Use it as',
        `   Authorization: Bearer ${created.key}`,
        ` (key id ${created.id}; create narrower keys with POST /api-keys, revoke this one`,
        '  with DELETE /api-keys/<id>)',
        '================================================================================',
        '',
      ].join('\n') + '\n',
    );
    return created.key;
  }
}
