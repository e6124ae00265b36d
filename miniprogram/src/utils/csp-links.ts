/**
 * H5: Taro's tab bar draws each tab as <a href="javascript:;"> with a click handler. After the handler
 * the browser also "runs" that javascript: URL, which the server's Content-Security-Policy
 * (script-src 'self', never 'unsafe-inline': server/src/app.factory.ts) refuses, logging a CSP error
 * at every tap on a tab. Cancel only that default action, in the capture phase: the tab's own click
 * handler still runs, and no javascript: URL is ever run.
 */
export function preventJavascriptUrls(doc: Document): void {
  doc.addEventListener(
    'click',
    (event) => {
      for (const node of event.composedPath()) {
        if (node instanceof HTMLAnchorElement && node.protocol === 'javascript:') {
          event.preventDefault();
          return;
        }
      }
    },
    true,
  );
}
