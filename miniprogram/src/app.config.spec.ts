import { APP_PAGES } from '@jinri/shared';
import { describe, expect, it } from '@jest/globals';

interface AppConfig {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
}

/** app.config.ts as Taro reads it (defineAppConfig is a build-time global). */
async function appConfig(): Promise<AppConfig> {
  (globalThis as Record<string, unknown>).defineAppConfig = (config: AppConfig) => config;
  return ((await import('./app.config')) as unknown as { default: AppConfig }).default;
}

describe('app.config', () => {
  it('declares every page the server links to (APP_PAGES in @jinri/shared)', async () => {
    const config = await appConfig();
    const routes = [
      ...config.pages,
      ...config.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`)),
    ];
    for (const page of Object.values(APP_PAGES)) expect(routes).toContain(page);
  });
});
