import { existsSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { Logger } from 'nestjs-pino';
import { API_PREFIX } from '@jinri/shared';
import { AppModule } from './app.module';
import { installCompression, installH5 } from './h5-static';
import { CacheControlInterceptor } from './common/http/cache-control';
import { installCors } from './common/http/cors';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { keepBodyParserErrorType, rejectDeepJson } from './common/json-depth';
import { httpLoggerOptions } from './common/logging/logger.options';
import { createValidationPipe } from './common/validation.pipe';
import { installTodayFastPath } from './modules/journals/today.fast-path';
import { installRequestTracking } from './modules/operations/request-tracking';
import { completeOpenApiDocument } from './openapi/openapi-document';
import { photoServer } from './modules/uploads/photo-serving';
import { PHOTO_STORAGE, type PhotoStorage } from './modules/uploads/photo-storage';
import type { AppConfig } from './config/app.config';
import type { CoreOverrides } from './config/config.module';

/**
 * Builds the whole app as it runs in production; main.ts and the e2e tests both use this, so the
 * tests exercise the real pipes, filter, headers and routes.
 */
export async function createApp(config: AppConfig, overrides: CoreOverrides = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, overrides), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.use(pinoHttp(httpLoggerOptions(config)));
  if (config.trustProxy) app.set('trust proxy', true);
  app.disable('x-powered-by');
  const security = helmet({
    contentSecurityPolicy: {
      directives: {
        // Served over plain HTTP on a LAN or behind a TLS proxy: never rewrite to https here.
        upgradeInsecureRequests: null,
        imgSrc: ["'self'", 'data:', 'blob:'],
      },
    },
  });
  app.use(security);
  // Browsers of CORS_ORIGINS only, preflight answered; none configured, no CORS (issue #17).
  installCors(app, config.corsOrigins);
  // JSON and HTML compressed when asked (issue #15). The today fast path compresses its own answers.
  installCompression(app);
  app.useBodyParser('json', { limit: '1mb', verify: rejectDeepJson });
  app.use(keepBodyParserErrorType);
  // Open311 and Prometheus' /metrics keep their own conventional paths.
  app.setGlobalPrefix(API_PREFIX, { exclude: ['open311/{*path}', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  // Cache-Control on every GET answer, per route (common/http/cache-control.ts, issue #17).
  app.useGlobalInterceptors(new CacheControlInterceptor());
  // SIGTERM/SIGINT are main.ts's (operations/shutdown.ts: drain, then close), not Nest's default hooks.

  // The route map is public knowledge only where the operator says so (API_DOCS=1; npm start does).
  if (config.apiDocs) {
    SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
      jsonDocumentUrl: 'api/docs-json',
      useGlobalPrefix: false,
    });
  }

  // Photos: immutable once written (a new photo gets a new id), streamed from the PhotoStorage that
  // PHOTO_STORAGE names (local folder or S3 bucket) at the same /uploads/… URLs (photo-serving.ts).
  app.use('/uploads', photoServer(app.get<PhotoStorage>(PHOTO_STORAGE)));
  installTodayFastPath(app, headersOf(security));
  // Outermost: counts and measures every request (the fast path's too), refuses new ones while draining.
  installRequestTracking(app);
  if (existsSync(config.h5Dir)) {
    // The H5 app (hash router, so no fallback route). GET/HEAD only; anything else falls through to
    // the API's 404. index.html carries the first screen's data and is always revalidated; every
    // other file is sent precompressed (.br/.gz) when asked, hashed ones cached for a year (h5-static.ts).
    installH5(app, config.h5Dir);
  } else {
    logger.warn(`H5 build not found at ${config.h5Dir}; only the API is served (build it with pnpm build)`);
  }
  return app;
}

/**
 * The OpenAPI document of an app made by createApp(), without serving it: for tools (the fuzzer,
 * client generators) that need every route and body schema whether or not API_DOCS is on.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('今日工作 API')
      .setDescription('What county officials do today, and closed-loop tickets for residents.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  // Security, parameters, bodies, responses and errors from the code's own sources of truth.
  return completeOpenApiDocument(document, app);
}

/** The headers a middleware such as helmet sets on every response (it sets the same ones each time). */
function headersOf(middleware: (req: never, res: never, next: () => void) => void): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  middleware({ headers: {} } as never, res as never, () => undefined);
  return headers;
}
