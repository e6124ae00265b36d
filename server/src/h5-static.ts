import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import {
  DEFAULT_RULES,
  SEARCH_QUERY_MAX_LENGTH,
  type TodayResponse,
  type UnitChildrenResponse,
} from '@jinri/shared';
import { CLOCK, type Clock } from './common/clock';
import { localTime, minutesOf } from './common/time/local-time';
import { renderFirstScreen } from './first-screen';
import { DirectoryService } from './modules/directory/directory.service';
import { TodayService } from './modules/journals/today.service';

/** Hashed bundles never change under their name: a year, immutable. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * index.html and anything unhashed — the service worker sw.js (whose updates must reach every phone),
 * favicon.ico — are revalidated on every visit (a 304 when unchanged).
 */
export const REVALIDATE = 'no-cache';
/** The id of the JSON data block the server puts into index.html (read by src/api/boot.ts). */
export const BOOT_ID = 'jinri-boot';

const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Every answer compressed when the client asks for it (JSON, HTML, CSV…), above 1 KB. Types that are
 * already compressed (PDF, .docx, .xlsx, images) are left alone by the library's filter, and an answer
 * that already has a Content-Encoding (precompressed files) is passed through.
 */
export function installCompression(app: INestApplication): void {
  app.use(compression({ threshold: 1024 }));
}

/**
 * Serves the H5 build (issue #15):
 * - index.html with the first screen's data in it (the county's units and today's plans of the
 *   unit the today page shows a first-time visitor), so the page needs no API round trip before its
 *   first paint; revalidated on every visit.
 * - every other file from its precompressed sibling (.br, else .gz, made by the H5 build's
 *   scripts/compress-h5.mjs) when the client accepts it, with Vary: Accept-Encoding; hashed files
 *   cached for a year, immutable.
 */
export function installH5(app: NestExpressApplication, h5Dir: string): void {
  const root = resolve(h5Dir);
  const directory = app.get(DirectoryService);
  const today = app.get(TodayService);
  const template = () => readFileSync(join(root, 'index.html'), 'utf8');
  const clock = app.get<Clock>(CLOCK);
  const firstScreens = new FirstScreenCache(() => clock.now());

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/find') {
      // The static first screen's search form (first-screen.ts), sent before the app could take it:
      // on to 找人办事 with the words (the hash route is the app's; find/index.tsx reads `q`).
      const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, SEARCH_QUERY_MAX_LENGTH) : '';
      res.setHeader('Cache-Control', REVALIDATE);
      res.redirect(302, q ? `/#/pages/find/index?q=${encodeURIComponent(q)}` : '/#/pages/find/index');
      return;
    }
    if (req.path === '/' || req.path === '/index.html') {
      void indexWithBootData(template(), directory, today, firstScreens).then((html) => {
        res.setHeader('Cache-Control', REVALIDATE);
        res.type('html').send(html);
      }, next);
      return;
    }
    negotiatePrecompressed(root, req, res);
    next();
  });

  app.useStaticAssets(root, {
    index: false,
    setHeaders: (res, path) => {
      const encoded = PRECOMPRESSED.find((p) => path.endsWith(p.suffix));
      const original = encoded ? path.slice(0, -encoded.suffix.length) : path;
      if (encoded) {
        res.setHeader('Content-Encoding', encoded.encoding);
        (res as unknown as Response).type(extname(original));
      }
      res.setHeader('Cache-Control', isHashed(original) ? IMMUTABLE : REVALIDATE);
    },
  });
}

/** Webpack's content hash in the name (app.73a1b798.js, 451.e711e9a2.css). */
function isHashed(path: string): boolean {
  return /\.[0-9a-f]{8}\.[a-z0-9]+$/i.test(path);
}

/**
 * Points the request at the best precompressed sibling the client accepts (the static middleware
 * then serves that file, and setHeaders labels it). Vary is set whenever a sibling exists, so a
 * cache never hands brotli to a client that did not ask for it.
 */
function negotiatePrecompressed(root: string, req: Request, res: Response): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return;
  }
  const file = resolve(root, `.${path}`);
  if (!file.startsWith(root + sep) || PRECOMPRESSED.some((p) => file.endsWith(p.suffix))) return;
  const siblings = PRECOMPRESSED.filter((p) => isFile(file + p.suffix));
  if (siblings.length === 0) return;
  res.setHeader('Vary', 'Accept-Encoding');
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  const chosen = siblings.find((p) => accepted.has(p.encoding));
  if (!chosen) return;
  const query = req.url.indexOf('?');
  req.url = `${req.path}${chosen.suffix}${query >= 0 ? req.url.slice(query) : ''}`;
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The codings an Accept-Encoding header allows (q=0 excluded). */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) out.add(name);
  }
  return out;
}

/**
 * index.html with the first screen's data as a JSON data block (not executed, so the page's CSP
 * `script-src 'self'` does not apply): GET /units and GET /today for the unit a first-time visitor
 * sees (the county's first town, as src/pages/today resolves it), today's date. Without data (an
 * error, an empty directory) the page is served as built and loads it itself.
 */
export async function indexWithBootData(
  html: string,
  directory: DirectoryService,
  today: TodayService,
  firstScreens: FirstScreenCache = new FirstScreenCache(),
): Promise<string> {
  try {
    const units: UnitChildrenResponse = await directory.unitChildren(undefined);
    const unitId = units.children.find((u) => u.kind === 'town')?.id ?? units.unit.id;
    const page = await today.today(unitId);
    const date = (JSON.parse(page.body.toString('utf8')) as { date?: string }).date;
    // `at`: when it was made, so a copy of the page kept offline is not taken for today's news.
    const json = `{"at":${Date.now()},"units":${JSON.stringify(units)},"today":{"unitId":${unitId},"date":${JSON.stringify(
      date ?? null,
    )},"data":${page.body.toString('utf8')}}}`;
    // `<` only ever appears inside JSON strings, where \u003c means the same: no `</script>` escape.
    const block = `<script id="${BOOT_ID}" type="application/json">${json.replace(/</g, '\\u003c')}</script>`;
    const withData = html.includes('</head>') ? html.replace('</head>', `${block}</head>`) : html;
    return withFirstScreen(withData, firstScreens.get(unitId, page.etag, page.body));
  } catch {
    return html;
  }
}

/** The static first screen (first-screen.ts) put before the app's mount point; the page as it is without one. */
export function withFirstScreen(html: string, firstScreen: string | null): string {
  if (!firstScreen || !html.includes('<div id="app">')) return html;
  return html.replace('<div id="app">', () => `${firstScreen}<div id="app">`);
}

/**
 * The rendered first screen per unit and GET /today answer (its ETag changes whenever the day's
 * plans change, so a publication shows at once), kept FIRST_SCREEN_TTL_MS at most: the words
 * before the publication time depend on the clock too.
 */
export const FIRST_SCREEN_TTL_MS = 30_000;

export class FirstScreenCache {
  private readonly entries = new Map<string, { html: string | null; until: number }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  get(unitId: number, etag: string, body: Buffer): string | null {
    const key = `${unitId}|${etag}`;
    const at = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > at.getTime()) return hit.html;
    let html: string | null = null;
    try {
      html = renderFirstScreen({
        today: JSON.parse(body.toString('utf8')) as TodayResponse,
        nowMinutes: minutesOf(localTime(at)),
        publicationTime: DEFAULT_RULES.publicationTime,
        maxQueryLength: SEARCH_QUERY_MAX_LENGTH,
      });
    } catch {
      // An answer the renderer cannot read: the page without it (the app draws everything).
    }
    if (this.entries.size >= 100) this.entries.clear();
    this.entries.set(key, { html, until: at.getTime() + FIRST_SCREEN_TTL_MS });
    return html;
  }
}
