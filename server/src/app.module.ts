import { existsSync } from 'node:fs';
import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions } from './common/logging/logger.options';
import type { AppConfig } from './config/app.config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { HealthModule } from './modules/health/health.module';

/** Hashed bundles are cached for a year; index.html is always revalidated. */
function setStaticHeaders(res: { setHeader(name: string, value: string): void }, path: string): void {
  res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const staticApp = existsSync(config.h5Dir)
      ? [
          ServeStaticModule.forRoot({
            rootPath: config.h5Dir,
            exclude: ['/api/{*path}', '/open311/{*path}'],
            serveStaticOptions: { setHeaders: setStaticHeaders, fallthrough: true },
          }),
        ]
      : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule.forRoot(config),
        ScheduleModule.forRoot(),
        HealthModule,
        DirectoryModule,
        ...staticApp,
      ],
    };
  }
}
