/**
 * H5 only, production builds only: registers the service worker that keeps the app shell (index.html
 * and the scripts and styles it loads, then every page script once opened) so the app opens without
 * a network (issue #15). The worker itself is written after the H5 build by scripts/h5-sw.mjs; it
 * never touches /api/ (the request wrapper keeps the offline copy of the data, src/api/offline-cache.ts).
 * Registered after the page has loaded, so it never competes with the first screen.
 */
export const SERVICE_WORKER_URL = '/sw.js';

export function registerServiceWorker(): void {
  if (process.env.TARO_ENV !== 'h5' || process.env.NODE_ENV !== 'production') return;
  if (typeof window === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker
      .register(SERVICE_WORKER_URL, { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage({ type: 'keep-loaded', paths: loadedPaths() }))
      .catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/**
 * The same-origin scripts and styles this page has loaded so far (the first visit loads them before
 * the worker is in control; it keeps them from the HTTP cache).
 */
function loadedPaths(): string[] {
  const paths = new Set<string>();
  for (const entry of performance.getEntriesByType('resource')) {
    try {
      const url = new URL(entry.name);
      if (url.origin === location.origin && /^\/(js|css)\//.test(url.pathname)) paths.add(url.pathname);
    } catch {
      // not a URL: skip
    }
  }
  return [...paths];
}
