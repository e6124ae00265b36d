import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, parseEncryptionKeys } from './app.config';

interface SecretsFile {
  jwtSecret: string;
  encryptionKeys: string;
}

/**
 * Outside production, missing secrets come from `DATA_DIR/secrets.json`, created once with random
 * values (mode 0600), so the embedded quick start needs no configuration and a restart keeps
 * everyone signed in and every encrypted phone number readable. Production must set them (config
 * validation refuses to start without them).
 */
export function withLocalSecrets(config: AppConfig): AppConfig {
  if (config.auth.jwtSecret && config.encryptionKeys.length > 0) return config;
  const file = join(config.dataDir, 'secrets.json');
  let secrets: SecretsFile;
  if (existsSync(file)) {
    secrets = JSON.parse(readFileSync(file, 'utf8')) as SecretsFile;
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    secrets = {
      jwtSecret: randomBytes(48).toString('base64url'),
      encryptionKeys: `local1:${randomBytes(32).toString('base64')}`,
    };
    writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return {
    ...config,
    auth: { ...config.auth, jwtSecret: config.auth.jwtSecret || secrets.jwtSecret },
    encryptionKeys:
      config.encryptionKeys.length > 0 ? config.encryptionKeys : parseEncryptionKeys(secrets.encryptionKeys),
  };
}
