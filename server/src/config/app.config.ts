import { APP_PAGES } from '@jinri/shared';
import { resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsJSON,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Variables whose values are secret: a validation error names them but never prints the value. */
const SECRET_VARIABLES = new Set([
  'DATABASE_URL',
  'JWT_SECRET',
  'ENCRYPTION_KEYS',
  'WECHAT_SECRET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'METRICS_TOKEN',
]);

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

  /**
   * The MySQL server's Unix socket, when it runs on the same machine as the app (one county, one
   * box): the connection goes through it instead of TCP; DATABASE_URL still names the user,
   * password and database.
   */
  @IsOptional()
  @Matches(/^\/\S+$/, { message: "must be the absolute path of the MySQL server's socket file" })
  DATABASE_SOCKET_PATH?: string;

  /** 1: the demo county with two weeks of journals; county: the directory only (tests). */
  @IsOptional()
  @IsIn(['0', '1', 'county'], { message: 'must be 0, 1 or county' })
  SEED_DEMO?: '0' | '1' | 'county';

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be 0 or 1' })
  MIGRATIONS_RUN?: boolean;

  @IsOptional()
  @IsString()
  H5_DIR?: string;

  /**
   * The public address of the H5 app (https://jinri.example.gov.cn), where the weekly board's QR code
   * leads (…/#/pages/unit/index?id=). Absent: the board prints no QR code (the demo: localhost).
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be an http(s) URL such as https://jinri.example.gov.cn' },
  )
  PUBLIC_H5_URL?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS as unknown as string[], { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be 0 or 1' })
  TRUST_PROXY?: boolean;

  /** Demo login for the H5 build and the embedded quick start; refused in production. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be 0 or 1' })
  DEMO_LOGIN?: boolean;

  /**
   * Demo only (with DEMO_LOGIN=1): the server's clock starts at this instant and runs on from there,
   * so the demo (and a browser journey) can be shown on a Sunday or the day before a leave.
   */
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'must be an ISO 8601 date-time with its offset, e.g. 2026-12-06T10:00:00+08:00' },
  )
  DEMO_CLOCK?: string;

  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** "v2:<base64 of 32 bytes>,v1:<…>": the first key encrypts, all of them decrypt (rotation). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'must be id:base64key[,id:base64key…] with 32-byte keys (openssl rand -base64 32)',
  })
  ENCRYPTION_KEYS?: string;

  /**
   * Access token lifetime (default 900 s). Revoked sessions are refused at once anyway; a short
   * lifetime keeps the revocation list small and bounds a token's life if that list cannot be read.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS?: number;

  @IsOptional()
  @Matches(/^wx[0-9a-f]{16}$/, { message: 'must be a mini-program AppID like wx0123456789abcdef' })
  WECHAT_APPID?: string;

  @IsOptional()
  @MinLength(16, { message: 'must be the AppSecret from the WeChat admin console' })
  WECHAT_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  WECHAT_API_BASE?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  WECHAT_TIMEOUT_MS?: number;

  /** JSON: { "<purpose>": { "id": "<template id>", "page": "pages/…", "fields": { "<key>": "<type>" } } } */
  @IsOptional()
  @IsJSON({ message: 'must be JSON' })
  WECHAT_TEMPLATES?: string;

  @IsOptional()
  @IsIn(['formal', 'trial', 'developer'])
  WECHAT_MINIPROGRAM_STATE?: 'formal' | 'trial' | 'developer';

  /** Days after a ticket closes before its personal data is scrubbed (default 180). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  TICKET_RETENTION_DAYS?: number;

  /** Working days a supervisor has to review a held comment for publication (default 1). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  TICKET_REVIEW_WORKING_DAYS?: number;

  /** Comments one user may send in 10 minutes (default 5). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  TICKET_RATE_PER_USER?: number;

  /** Comments from one IP address in 10 minutes (default 30; a village may share one address). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  TICKET_RATE_PER_IP?: number;

  /** Photos one user may upload per local day (default 100). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  UPLOAD_DAILY_COUNT?: number;

  /** Megabytes of photos (as received) one user may upload per local day (default 200). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  UPLOAD_DAILY_MB?: number;

  /** Serve the OpenAPI UI at /api/docs and the document at /api/docs-json (off unless 1). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be 0 or 1' })
  API_DOCS?: boolean;

  /** Run the scheduled jobs (publication, reminders) in this instance; tests drive them by hand. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be 0 or 1' })
  JOBS_ENABLED?: boolean;

  // Operations (issue #16).
  /**
   * After SIGTERM/SIGINT: how long in-flight requests and running jobs may take before the
   * remaining connections are cut (default 25 s, under Kubernetes' 30 s terminationGracePeriod).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600000)
  SHUTDOWN_GRACE_MS?: number;

  /**
   * GET /metrics needs `Authorization: Bearer <this>` when set; unset, only a direct loopback caller
   * (no proxy headers) may read it.
   */
  @IsOptional()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /**
   * PDF exports (立体像, the weekly board): a TrueType/OpenType font file (.ttf/.otf/.ttc) with
   * Chinese glyphs, embedded as a subset. Absent: the usual system paths (Debian fonts-noto-cjk,
   * fonts-wqy-*) are tried; with none found a PDF request answers 503 EXPORT.FONT_MISSING.
   */
  @IsOptional()
  @IsString()
  PDF_FONT_FILE?: string;

  // Photos (issue #16): local disk under DATA_DIR/uploads (the default, one machine), or an
  // S3-compatible bucket shared by every instance (Tencent COS, Aliyun OSS, MinIO, AWS S3).
  /** local (default) or s3; s3 needs S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY. */
  @IsOptional()
  @IsIn(['local', 's3'], { message: 'must be local or s3' })
  PHOTO_STORAGE?: 'local' | 's3';

  /** The S3 API address, e.g. https://cos.ap-guangzhou.myqcloud.com; absent: AWS S3 of S3_REGION. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be an http(s) URL such as https://cos.ap-guangzhou.myqcloud.com' },
  )
  S3_ENDPOINT?: string;

  /** The region the signature names: ap-guangzhou (COS), oss-cn-hangzhou (OSS), us-east-1 (MinIO). */
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'must be a region name such as ap-guangzhou or us-east-1' })
  S3_REGION?: string;

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'must be a bucket name (3 to 63 lowercase letters, digits, dots and hyphens)',
  })
  S3_BUCKET?: string;

  @IsOptional()
  @MinLength(3, { message: 'must be the access key id of the bucket account' })
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @MinLength(8, { message: 'must be the secret access key of the bucket account' })
  S3_SECRET_ACCESS_KEY?: string;

  /** 1: http://host/bucket/key (MinIO and most self-hosted servers); 0 (default): bucket.host/key (COS, OSS, AWS). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be 0 or 1' })
  S3_FORCE_PATH_STYLE?: boolean;

  // HTTP (issue #17).
  /**
   * The web origins whose pages may call the API from a browser (CORS), comma-separated: scheme, host
   * and port only (https://data.example.gov.cn,http://localhost:5173). Absent: no CORS at all.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?(\s*,\s*https?:\/\/[a-z0-9.-]+(:\d{1,5})?)*$/, {
    message:
      'must be origins separated by commas, such as https://data.example.gov.cn,http://localhost:5173 (scheme, lowercase host and port; no *, no path)',
  })
  CORS_ORIGINS?: string;
}

/** A subscribe-message template: its id, the page it opens, and the type of each field. */
export interface WechatTemplate {
  id: string;
  page: string;
  fields: Record<string, string>;
}

export interface WechatConfig {
  appId: string;
  secret: string;
  apiBase: string;
  timeoutMs: number;
  templates: Record<string, WechatTemplate>;
  miniprogramState: 'formal' | 'trial' | 'developer';
}

export interface AuthConfig {
  /** Empty until filled from JWT_SECRET or the local secrets file (see local-secrets.ts). */
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  demoLogin: boolean;
}

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** Default templates (ids are placeholders until the admin console's real ids are configured). */
export const DEFAULT_WECHAT_TEMPLATES: Record<string, WechatTemplate> = {
  planReminder: {
    id: 'TEMPLATE_PLAN_REMINDER',
    page: APP_PAGES.today,
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing' },
  },
  ticketNew: {
    id: 'TEMPLATE_TICKET_NEW',
    page: APP_PAGES.me,
    fields: { thing1: 'thing', time2: 'time', character_string3: 'character_string' },
  },
  ticketReply: {
    id: 'TEMPLATE_TICKET_REPLY',
    page: APP_PAGES.me,
    fields: { thing1: 'thing', phrase2: 'phrase', time3: 'time' },
  },
  ticketDue: {
    id: 'TEMPLATE_TICKET_DUE',
    page: APP_PAGES.staffInbox,
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing' },
  },
  ticketDigest: {
    id: 'TEMPLATE_TICKET_DIGEST',
    page: APP_PAGES.staffInbox,
    fields: { thing1: 'thing', number2: 'number', number3: 'number' },
  },
  // 督查: a finding confirmed, a notice issued with a self-examination due, one returned or overdue.
  supervision: {
    id: 'TEMPLATE_SUPERVISION',
    page: APP_PAGES.supervisionMine,
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing' },
  },
};

export interface DatabaseConfig {
  type: 'sqlite' | 'mysql';
  /** SQLite file path (type sqlite). */
  sqlitePath?: string;
  /** Connection URL (type mysql). */
  url?: string;
  /** The server's Unix socket instead of TCP (type mysql, same machine). */
  socketPath?: string;
  /** Apply pending migrations at start. */
  migrationsRun: boolean;
}

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  /** none, the directory only, or the directory with two weeks of journals. */
  seedDemo: 'none' | 'county' | 'full';
  h5Dir: string;
  /** Public links printed on paper (the weekly board's QR code). */
  publicLinks: PublicLinksConfig;
  logLevel: LogLevel;
  trustProxy: boolean;
  jobsEnabled: boolean;
  /** Graceful shutdown and /metrics access (issue #16). */
  operations: OperationsConfig;
  /** Serve /api/docs and /api/docs-json (API_DOCS=1). */
  apiDocs: boolean;
  /** CORS_ORIGINS: the browser origins allowed to call the API (empty: CORS off). */
  corsOrigins: string[];
  /** DEMO_CLOCK: where the demo's clock starts (absent: the system clock). */
  demoClock?: Date;
  auth: AuthConfig;
  /** Empty until filled from ENCRYPTION_KEYS or the local secrets file. */
  encryptionKeys: EncryptionKey[];
  wechat: WechatConfig;
  tickets: TicketsConfig;
  uploads: UploadsConfig;
  pdf: PdfConfig;
  /** Where photos are stored (PHOTO_STORAGE). */
  photos: PhotoStorageConfig;
}

/** Photos on local disk (DATA_DIR/uploads) or in an S3-compatible bucket shared by every instance. */
export type PhotoStorageConfig = { kind: 'local' } | ({ kind: 's3' } & S3Config);

export interface S3Config {
  /** Absent: AWS S3 of the region. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export interface OperationsConfig {
  /** SHUTDOWN_GRACE_MS: the drain's bound after SIGTERM. */
  shutdownGraceMs: number;
  /** METRICS_TOKEN: the bearer token of GET /metrics (absent: loopback callers only). */
  metricsToken?: string;
}

/** PDF exports: the configured font file (PDF_FONT_FILE), else the system paths are searched. */
export interface PdfConfig {
  fontFile?: string;
}

/** PUBLIC_H5_URL without a trailing slash (null: not configured); weapp: a real WECHAT_APPID is set. */
export interface PublicLinksConfig {
  h5Url: string | null;
  weapp: boolean;
}

/** Per user and local (Asia/Shanghai) day. */
export interface UploadsConfig {
  dailyCount: number;
  dailyBytes: number;
}

export interface TicketsConfig {
  retentionDays: number;
  reviewWorkingDays: number;
  /** Per 10 minutes. */
  ratePerUser: number;
  ratePerIp: number;
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
  const production = raw.NODE_ENV === 'production';
  const missing = (name: keyof EnvironmentVariables, why: string) =>
    production && !raw[name] ? [`${name}: is required in production (${why})`] : [];
  const productionProblems = [
    ...(production && raw.DEMO_LOGIN ? ['DEMO_LOGIN: must not be enabled with NODE_ENV=production'] : []),
    ...(raw.DEMO_CLOCK && !raw.DEMO_LOGIN ? ['DEMO_CLOCK: only for the demo (set DEMO_LOGIN=1 too)'] : []),
    ...(raw.DATABASE_SOCKET_PATH && !raw.DATABASE_URL
      ? ['DATABASE_SOCKET_PATH: needs DATABASE_URL too (it names the user, password and database)']
      : []),
    ...missing('JWT_SECRET', 'signs the login tokens'),
    ...missing('ENCRYPTION_KEYS', 'encrypts phone numbers and WeChat ids'),
    ...missing('WECHAT_APPID', 'WeChat login'),
    ...missing('WECHAT_SECRET', 'WeChat login'),
  ];
  if (productionProblems.length > 0) throw new ConfigError(productionProblems);
  const photos = photoStorageConfig(raw);
  const dataDir = resolve(raw.DATA_DIR ?? './data');
  return {
    env: raw.NODE_ENV ?? 'development',
    port: raw.PORT ?? 3000,
    host: raw.HOST ?? '0.0.0.0',
    dataDir,
    database: raw.DATABASE_URL
      ? {
          type: 'mysql',
          url: raw.DATABASE_URL,
          ...(raw.DATABASE_SOCKET_PATH ? { socketPath: raw.DATABASE_SOCKET_PATH } : {}),
          migrationsRun: raw.MIGRATIONS_RUN ?? true,
        }
      : {
          type: 'sqlite',
          sqlitePath: resolve(dataDir, 'jinri.sqlite'),
          migrationsRun: raw.MIGRATIONS_RUN ?? true,
        },
    seedDemo: raw.SEED_DEMO === '1' ? 'full' : raw.SEED_DEMO === 'county' ? 'county' : 'none',
    h5Dir: raw.H5_DIR ? resolve(raw.H5_DIR) : DEFAULT_H5_DIR,
    publicLinks: {
      // The demo (DEMO_LOGIN, never production) prints its own address so its board shows a QR code.
      h5Url: raw.PUBLIC_H5_URL
        ? raw.PUBLIC_H5_URL.replace(/\/+$/, '')
        : raw.DEMO_LOGIN
          ? `http://localhost:${raw.PORT ?? 3000}`
          : null,
      weapp: raw.WECHAT_APPID !== undefined,
    },
    logLevel: raw.LOG_LEVEL ?? (raw.NODE_ENV === 'test' ? 'silent' : 'info'),
    trustProxy: raw.TRUST_PROXY ?? false,
    jobsEnabled: raw.JOBS_ENABLED ?? raw.NODE_ENV !== 'test',
    operations: {
      shutdownGraceMs: raw.SHUTDOWN_GRACE_MS ?? 25_000,
      ...(raw.METRICS_TOKEN ? { metricsToken: raw.METRICS_TOKEN } : {}),
    },
    apiDocs: raw.API_DOCS ?? false,
    corsOrigins: raw.CORS_ORIGINS ? raw.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : [],
    ...(raw.DEMO_CLOCK ? { demoClock: new Date(raw.DEMO_CLOCK) } : {}),
    auth: {
      jwtSecret: raw.JWT_SECRET ?? '',
      accessTokenTtlSeconds: raw.ACCESS_TOKEN_TTL_SECONDS ?? 900,
      refreshTokenTtlDays: raw.REFRESH_TOKEN_TTL_DAYS ?? 30,
      demoLogin: raw.DEMO_LOGIN ?? false,
    },
    encryptionKeys: raw.ENCRYPTION_KEYS ? parseEncryptionKeys(raw.ENCRYPTION_KEYS) : [],
    wechat: {
      appId: raw.WECHAT_APPID ?? 'wx0000000000000000',
      secret: raw.WECHAT_SECRET ?? 'demo-secret-not-for-production',
      apiBase: (raw.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/+$/, ''),
      timeoutMs: raw.WECHAT_TIMEOUT_MS ?? 5000,
      templates: {
        ...DEFAULT_WECHAT_TEMPLATES,
        ...(raw.WECHAT_TEMPLATES ? parseTemplates(raw.WECHAT_TEMPLATES) : {}),
      },
      miniprogramState: raw.WECHAT_MINIPROGRAM_STATE ?? 'formal',
    },
    tickets: {
      retentionDays: raw.TICKET_RETENTION_DAYS ?? 180,
      reviewWorkingDays: raw.TICKET_REVIEW_WORKING_DAYS ?? 1,
      ratePerUser: raw.TICKET_RATE_PER_USER ?? 5,
      ratePerIp: raw.TICKET_RATE_PER_IP ?? 30,
    },
    uploads: {
      dailyCount: raw.UPLOAD_DAILY_COUNT ?? 100,
      dailyBytes: (raw.UPLOAD_DAILY_MB ?? 200) * 1024 * 1024,
    },
    pdf: raw.PDF_FONT_FILE ? { fontFile: resolve(raw.PDF_FONT_FILE) } : {},
    photos,
  };
}

/** PHOTO_STORAGE=s3 needs its bucket and credentials named; the S3_* variables alone change nothing. */
function photoStorageConfig(raw: EnvironmentVariables): PhotoStorageConfig {
  if (raw.PHOTO_STORAGE !== 's3') return { kind: 'local' };
  const required = ['S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  const problems = required
    .filter((name) => !raw[name])
    .map((name) => `${name}: is required with PHOTO_STORAGE=s3`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    kind: 's3',
    ...(raw.S3_ENDPOINT ? { endpoint: raw.S3_ENDPOINT.replace(/\/+$/, '') } : {}),
    region: raw.S3_REGION!,
    bucket: raw.S3_BUCKET!,
    accessKeyId: raw.S3_ACCESS_KEY_ID!,
    secretAccessKey: raw.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: raw.S3_FORCE_PATH_STYLE ?? false,
  };
}

export function parseEncryptionKeys(value: string): EncryptionKey[] {
  return value.split(',').map((pair) => {
    const [id, key] = pair.split(':') as [string, string];
    return { id, key: Buffer.from(key, 'base64') };
  });
}

function parseTemplates(value: string): Record<string, WechatTemplate> {
  const parsed = JSON.parse(value) as Record<string, Partial<WechatTemplate>>;
  const problems: string[] = [];
  for (const [purpose, template] of Object.entries(parsed)) {
    if (
      typeof template.id !== 'string' ||
      typeof template.page !== 'string' ||
      typeof template.fields !== 'object'
    ) {
      problems.push(`WECHAT_TEMPLATES: "${purpose}" needs id, page and fields`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed as Record<string, WechatTemplate>;
}

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
