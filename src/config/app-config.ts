import 'reflect-metadata';
import { createPublicKey } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Integers with a default: absent or empty means the default. */
const intOr = (fallback: number) => Transform(({ value }) => (value === undefined || value === '' ? fallback : Number(value)));

/** Values that must never be echoed, not even in a configuration error. */
const SECRETS = new Set(['BOOTSTRAP_ADMIN_KEY', 'JWT_SECRET', 'REDIS_URL']);
/** Variables without a default (so not own keys of a fresh AppConfig). */
const OPTIONAL = [
  'DATABASE_URL',
  'DB_SCHEMA',
  'NATS_URL',
  'BOOTSTRAP_ADMIN_KEY',
  'JWT_SECRET',
  'JWT_PUBLIC_KEY',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'WORKERS',
  'REDIS_URL',
] as const;

/**
 * Every environment variable the service reads, validated once at start. Each one is
 * documented in README.md ("Configuration"); keep the two in step.
 */
export class AppConfig {
  /** HTTP port. */
  @intOr(3000)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /**
   * PostgreSQL schema to use, created if missing (default: the server's search_path, normally
   * `public`). Lets several deployments or test runs share one database without seeing each other.
   */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DB_SCHEMA must be a lower-case SQL identifier' })
  DB_SCHEMA?: string;

  /** Folder of the embedded database (used only without DATABASE_URL). */
  @IsString()
  @MinLength(1)
  DATA_DIR: string = './data';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /**
   * Service processes sharing the port (Node's cluster module); absent: one per core on
   * PostgreSQL, always 1 on the embedded database (one session in one process). Each process
   * has its own DB_POOL_SIZE connections.
   */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'WORKERS must be a whole number from 1 to 64' })
  @Min(1, { message: 'WORKERS must be a whole number from 1 to 64' })
  @Max(64, { message: 'WORKERS must be a whole number from 1 to 64' })
  WORKERS?: number;

  /** Connection pool size for PostgreSQL, per process (PGlite is always one session). */
  @intOr(10)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE: number = 10;

  /**
   * `on`: the hot statements (planning, appends, cross-checks) run as named prepared statements,
   * parsed and planned once per connection. `off` for a connection pooler that cannot keep them
   * (PgBouncer in transaction mode before 1.21, or without `max_prepared_statements`).
   */
  @IsIn(['on', 'off'], { message: 'DB_PREPARED_STATEMENTS must be on or off' })
  DB_PREPARED_STATEMENTS: 'on' | 'off' = 'on';

  /**
   * Capitalization thresholds in 元 (unit value at or above which a goods item is a fixed
   * asset): general items, and 专用设备 (A0213–A0247). The rules in force set one threshold,
   * 1,000 (事业单位财务规则, 财政部令第108号, art. 41; 行政单位财务规则, 财政部令第113号); the
   * 1,500 for 专用设备 was the 2012 rules' (令第68号 art. 40, 令第71号 art. 30), kept configurable.
   */
  @Matches(/^\d{1,12}(\.\d{1,2})?$/, { message: 'CAPITALIZATION_THRESHOLD must be an amount in 元, e.g. 1000.00' })
  CAPITALIZATION_THRESHOLD: string = '1000.00';

  @Matches(/^\d{1,12}(\.\d{1,2})?$/, {
    message: 'SPECIAL_EQUIPMENT_CAPITALIZATION_THRESHOLD must be an amount in 元, e.g. 1500.00',
  })
  SPECIAL_EQUIPMENT_CAPITALIZATION_THRESHOLD: string = '1000.00';

  /**
   * How long an Idempotency-Key is remembered, in hours. A retry within it replays the first
   * answer; after it, the key may be used afresh, and expired keys are swept hourly.
   */
  @intOr(24)
  @IsInt({ message: 'IDEMPOTENCY_KEY_TTL_HOURS must be a whole number of hours from 1 to 8760' })
  @Min(1, { message: 'IDEMPOTENCY_KEY_TTL_HOURS must be a whole number of hours from 1 to 8760' })
  @Max(8760, { message: 'IDEMPOTENCY_KEY_TTL_HOURS must be a whole number of hours from 1 to 8760' })
  IDEMPOTENCY_KEY_TTL_HOURS: number = 24;

  /** NATS server(s) for the JetStream relay; absent: no relay (the HTTP feed and SSE still work). */
  @IsOptional()
  @Matches(/^(nats|tls):\/\/\S+(,(nats|tls):\/\/\S+)*$/, {
    message: 'NATS_URL must be nats:// or tls:// URLs separated by commas',
  })
  NATS_URL?: string;

  /** JetStream stream the relay publishes to, created if missing. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'NATS_STREAM must be 1 to 64 letters, digits, _ or -' })
  NATS_STREAM: string = 'REGISTER_EVENTS';

  /** Subjects are `<prefix>.<department>.<event type>`. */
  @Matches(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, { message: 'NATS_SUBJECT_PREFIX must be dot-separated tokens' })
  NATS_SUBJECT_PREFIX: string = 'register.events';

  /**
   * A secret that becomes an admin key (every department) at start, for first use, scripts and
   * tests. Visible ASCII without '.' or spaces (so it is never mistaken for a JWT), 16 to 512 long.
   */
  @IsOptional()
  @Matches(/^[\x21-\x2d\x2f-\x7e]{16,512}$/, {
    message: 'BOOTSTRAP_ADMIN_KEY must be 16 to 512 visible ASCII characters without "." (e.g. openssl rand -hex 32)',
  })
  BOOTSTRAP_ADMIN_KEY?: string;

  /** HS256 signing secret of people's tokens (JWT); exclusive with JWT_PUBLIC_KEY. */
  @IsOptional()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters (256 bits for HS256)' })
  JWT_SECRET?: string;

  /** RS256 public key (SPKI PEM; `\n` escapes allowed) of the identity provider. */
  @IsOptional()
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'JWT_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)' })
  JWT_PUBLIC_KEY?: string;

  /** Required `iss` of tokens; required when JWT is configured. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  JWT_ISSUER?: string;

  /** Accepted `aud` values, comma-separated; required when JWT is configured. */
  @IsOptional()
  @Matches(/^[^,\s]+(,[^,\s]+)*$/, { message: 'JWT_AUDIENCE must be one audience or a comma-separated list' })
  JWT_AUDIENCE?: string;

  /** Claim holding the register roles (an array, or a space-separated string); dotted paths reach nested claims. */
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'JWT_ROLES_CLAIM must be a claim name' })
  JWT_ROLES_CLAIM: string = 'roles';

  /** Claim holding the department codes (an array, or "*" for all). */
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'JWT_DEPARTMENTS_CLAIM must be a claim name' })
  JWT_DEPARTMENTS_CLAIM: string = 'departments';

  /** Seconds of clock skew allowed on exp/nbf/iat. */
  @intOr(30)
  @IsInt()
  @Min(0)
  @Max(300)
  JWT_CLOCK_TOLERANCE_SECONDS: number = 30;

  /** Requests per window per credential (API key or token subject). */
  @intOr(600)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT: number = 600;

  /** Requests per window per client IP without valid credentials (public routes, failed authentication). */
  @intOr(120)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_ANONYMOUS: number = 120;

  @intOr(60)
  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_WINDOW_SECONDS: number = 60;

  /**
   * Redis holding the rate-limit counters, shared by every process and instance; absent: each
   * process counts on its own.
   */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix of this deployment's Redis keys (several deployments may share one Redis). */
  @Matches(/^[\x21-\x7e]{1,64}$/, { message: 'REDIS_KEY_PREFIX must be 1 to 64 visible ASCII characters' })
  REDIS_KEY_PREFIX: string = 'register:';

  /** Reverse proxies in front of the service whose X-Forwarded-For is trusted (for the client IP). */
  @intOr(0)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY: number = 0;

  get jwtAudiences(): string[] {
    return this.JWT_AUDIENCE ? this.JWT_AUDIENCE.split(',') : [];
  }

  /** The PEM with `\n` escapes (as env files often carry it) turned into line breaks. */
  get jwtPublicKeyPem(): string | undefined {
    return this.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n');
  }

  get jwtEnabled(): boolean {
    return Boolean(this.JWT_SECRET || this.JWT_PUBLIC_KEY);
  }

  get databaseKind(): 'pglite' | 'postgres' {
    return this.DATABASE_URL ? 'postgres' : 'pglite';
  }

  /** How many service processes to run (WORKERS, or its default). */
  get workers(): number {
    return this.WORKERS ?? (this.databaseKind === 'postgres' ? availableParallelism() : 1);
  }
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.fromEntries(
    Object.keys(new AppConfig())
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  // Optional variables have no default, so it is not an own key of a fresh AppConfig.
  for (const optional of OPTIONAL) if (env[optional]) known[optional] = env[optional];
  const config = plainToInstance(AppConfig, known);
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const detail = errors
      .map((e) => {
        const shown = SECRETS.has(e.property) ? '(hidden)' : JSON.stringify(env[e.property]);
        return `${e.property}=${shown}: ${Object.values(e.constraints ?? {})[0]}`;
      })
      .join(', ');
    throw new ConfigError(`Invalid configuration: ${detail}`);
  }
  checkJwt(config);
  if (config.workers > 1 && config.databaseKind === 'pglite') {
    throw new ConfigError(
      `Invalid configuration: WORKERS=${config.workers} needs DATABASE_URL: the embedded database is one session in one process`,
    );
  }
  return config;
}

function checkJwt(config: AppConfig): void {
  if (config.JWT_SECRET && config.JWT_PUBLIC_KEY) {
    throw new ConfigError('Invalid configuration: set JWT_SECRET (HS256) or JWT_PUBLIC_KEY (RS256), not both');
  }
  if (!config.jwtEnabled) {
    if (config.JWT_ISSUER || config.JWT_AUDIENCE) {
      throw new ConfigError('Invalid configuration: JWT_ISSUER/JWT_AUDIENCE are set but neither JWT_SECRET nor JWT_PUBLIC_KEY is');
    }
    return;
  }
  if (!config.JWT_ISSUER || !config.JWT_AUDIENCE) {
    throw new ConfigError('Invalid configuration: JWT_ISSUER and JWT_AUDIENCE are required with JWT_SECRET or JWT_PUBLIC_KEY');
  }
  if (config.JWT_PUBLIC_KEY) {
    let details: { type?: string; bits?: number };
    try {
      const key = createPublicKey(config.jwtPublicKeyPem!);
      details = { type: key.asymmetricKeyType, bits: key.asymmetricKeyDetails?.modulusLength };
    } catch {
      throw new ConfigError('Invalid configuration: JWT_PUBLIC_KEY is not a readable PEM public key');
    }
    if (details.type !== 'rsa' || (details.bits ?? 0) < 2048) {
      throw new ConfigError('Invalid configuration: JWT_PUBLIC_KEY must be an RSA public key of at least 2048 bits (RS256)');
    }
  }
}
