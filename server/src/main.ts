import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app.config';
import { createApp } from './app.factory';
import { StartedClock } from './common/clock';
import { withLocalSecrets } from './config/local-secrets';
import { installGracefulShutdown } from './modules/operations/shutdown';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nFix the environment (or .env) and start again.\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(
    withLocalSecrets(config),
    config.demoClock ? { clock: new StartedClock(config.demoClock) } : {},
  );
  await app.listen(config.port, config.host);
  installGracefulShutdown(app, { graceMs: config.operations.shutdownGraceMs });
  const url = `http://localhost:${config.port}`;
  process.stdout.write(
    `\n今日工作 is running (${config.database.type}${config.database.type === 'sqlite' ? `: ${config.database.sqlitePath}` : ''})\n` +
      `  App:      ${url}/\n  API:      ${url}/api/v1\n` +
      (config.apiDocs ? `  API docs: ${url}/api/docs\n` : '') +
      '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `今日工作 failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
