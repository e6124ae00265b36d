/**
 * H5: landmarks for the parts of the page Taro draws itself, so that every piece of a page sits in
 * a landmark (axe's `region` rule; a screen reader's "jump to navigation") and can be reached by
 * keyboard (axe's `scrollable-region-focusable`):
 * - the tab bar (<taro-tabbar>) becomes a `navigation` named 主菜单;
 * - each page's scrolling box (.taro_page: Taro scrolls pages inside it, not the document) gets
 *   tabindex 0, so the keyboard can scroll it.
 * Our own pages mark themselves (components/Page: `main`; components/BackBar: `banner`). Taro adds
 * these elements as pages open, so a MutationObserver marks new ones; each check is one query.
 */
export function markH5Landmarks(doc: Document): void {
  const mark = () => {
    for (const bar of doc.querySelectorAll('taro-tabbar:not([role])')) {
      bar.setAttribute('role', 'navigation');
      bar.setAttribute('aria-label', '主菜单');
    }
    for (const page of doc.querySelectorAll('.taro_page:not([tabindex])')) {
      page.setAttribute('tabindex', '0');
    }
  };
  const start = () => {
    mark();
    new MutationObserver(mark).observe(doc.body, { childList: true, subtree: true });
  };
  if (doc.body) start();
  else doc.addEventListener('DOMContentLoaded', start, { once: true });
}
