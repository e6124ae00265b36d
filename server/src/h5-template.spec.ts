import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The H5 page is served under the Content-Security-Policy set in app.factory.ts (helmet's default:
 * script-src 'self', script-src-attr 'none'). Its template (miniprogram/src/index.html) must carry
 * nothing that policy refuses, and must link a favicon the H5 build really ships.
 */
const MINIPROGRAM = resolve(__dirname, '..', '..', 'miniprogram');
const template = readFileSync(resolve(MINIPROGRAM, 'src', 'index.html'), 'utf8');

describe('the H5 page template', () => {
  it('has no inline script (script-src allows only files from the same origin)', () => {
    const sut = [...template.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(sut.filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes ?? '')).map(([tag]) => tag)).toEqual(
      [],
    );
  });

  it('has no inline event handler and no javascript: URL', () => {
    expect(template).not.toMatch(/\son[a-z]+\s*=/i);
    expect(template).not.toMatch(/javascript:/i);
  });

  it('links a favicon that the H5 build copies next to index.html', () => {
    const href = /<link\b[^>]*\brel="icon"[^>]*\bhref="\/([^"]+)"/.exec(template)?.[1];
    expect(href).toBe('favicon.ico');
    expect(existsSync(resolve(MINIPROGRAM, 'src', href!))).toBe(true);
    const buildConfig = readFileSync(resolve(MINIPROGRAM, 'config', 'index.ts'), 'utf8');
    expect(buildConfig).toContain(`{ from: 'src/${href}', to: 'dist/h5/${href}' }`);
  });
});
