import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable the service reads, validated once at start. Each one is
 * documented in README.md ("Configuration"); keep the two in step.
 */
export class AppConfig {
  /** HTTP port. */
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
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

  /** Connection pool size for PostgreSQL (PGlite is always one session). */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE: number = 10;

  /**
   * Capitalization thresholds in 元 (unit value at or above which a goods item is a fixed
   * asset): general items, and 专用设备 (A0213–A0247). 财政部 practice: 1,000 and 1,500.
   */
  @Matches(/^\d{1,12}(\.\d{1,2})?$/, { message: 'CAPITALIZATION_THRESHOLD must be an amount in 元, e.g. 1000.00' })
  CAPITALIZATION_THRESHOLD: string = '1000.00';

  @Matches(/^\d{1,12}(\.\d{1,2})?$/, {
    message: 'SPECIAL_EQUIPMENT_CAPITALIZATION_THRESHOLD must be an amount in 元, e.g. 1500.00',
  })
  SPECIAL_EQUIPMENT_CAPITALIZATION_THRESHOLD: string = '1500.00';

  /**
   * How long an Idempotency-Key is remembered, in hours. A retry within it replays the first
   * answer; after it, the key may be used afresh, and expired keys are swept hourly.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 24 : Number(value)))
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

  get databaseKind(): 'pglite' | 'postgres' {
    return this.DATABASE_URL ? 'postgres' : 'pglite';
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
  for (const optional of ['DATABASE_URL', 'DB_SCHEMA', 'NATS_URL'] as const) if (env[optional]) known[optional] = env[optional];
  const config = plainToInstance(AppConfig, known);
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const detail = errors
      .map((e) => `${e.property}=${JSON.stringify(env[e.property])}: ${Object.values(e.constraints ?? {})[0]}`)
      .join(', ');
    throw new ConfigError(`Invalid configuration: ${detail}`);
  }
  return config;
}
