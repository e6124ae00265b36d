import { resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Variables whose values are secret: a validation error names them but never prints the value. */
const SECRET_VARIABLES = new Set(['DATABASE_URL']);

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') return undefined;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return value;
};

const toInt = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/** The environment as the server accepts it. Every variable is optional with a safe default. */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV?: 'development' | 'test' | 'production';

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 65535' })
  @Min(1, { message: 'must be an integer between 1 and 65535' })
  @Max(65535, { message: 'must be an integer between 1 and 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @Matches(/^(mysql|mariadb):\/\/[^/\s]+\/[A-Za-z0-9_$-]+(\?.*)?$/, {
    message: 'must look like mysql://user:password@host:3306/database',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be 0 or 1' })
  SEED_DEMO?: boolean;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be 0 or 1' })
  MIGRATIONS_RUN?: boolean;

  @IsOptional()
  @IsString()
  H5_DIR?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS as unknown as string[], { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be 0 or 1' })
  TRUST_PROXY?: boolean;
}

export interface DatabaseConfig {
  type: 'sqlite' | 'mysql';
  /** SQLite file path (type sqlite). */
  sqlitePath?: string;
  /** Connection URL (type mysql). */
  url?: string;
  /** Apply pending migrations at start. */
  migrationsRun: boolean;
}

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  seedDemo: boolean;
  h5Dir: string;
  logLevel: LogLevel;
  trustProxy: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The default location of the H5 build, relative to this file in src/ or dist/. */
const DEFAULT_H5_DIR = resolve(__dirname, '..', '..', '..', 'miniprogram', 'dist', 'h5');

/**
 * Validates the environment and returns the typed configuration. Throws a ConfigError naming every
 * bad variable (values of secret variables are never printed).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = plainToInstance(EnvironmentVariables, { ...env }, { excludeExtraneousValues: false });
  const errors = validateSync(raw, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const problems = errors.map((error) => {
      const reasons = Object.values(error.constraints ?? {}).join('; ');
      const shown = SECRET_VARIABLES.has(error.property) ? '' : ` (got "${String(env[error.property])}")`;
      return `${error.property}: ${reasons}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const dataDir = resolve(raw.DATA_DIR ?? './data');
  return {
    env: raw.NODE_ENV ?? 'development',
    port: raw.PORT ?? 3000,
    host: raw.HOST ?? '0.0.0.0',
    dataDir,
    database: raw.DATABASE_URL
      ? { type: 'mysql', url: raw.DATABASE_URL, migrationsRun: raw.MIGRATIONS_RUN ?? true }
      : {
          type: 'sqlite',
          sqlitePath: resolve(dataDir, 'jinri.sqlite'),
          migrationsRun: raw.MIGRATIONS_RUN ?? true,
        },
    seedDemo: raw.SEED_DEMO ?? false,
    h5Dir: raw.H5_DIR ? resolve(raw.H5_DIR) : DEFAULT_H5_DIR,
    logLevel: raw.LOG_LEVEL ?? (raw.NODE_ENV === 'test' ? 'silent' : 'info'),
    trustProxy: raw.TRUST_PROXY ?? false,
  };
}

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
