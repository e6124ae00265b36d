/**
 * The static first screen the server draws into index.html (server/src/first-screen.ts, issue #15):
 * shown until the app has drawn a page of its own, then removed, so the two are never on screen
 * together. H5 only.
 * - Any page but 今日: at once (the resident followed a link or opened another page).
 * - 今日: once its list has settled (data-state no longer "loading": the cards, an empty answer or an
 *   error), so the page never steps back from the server's content to a spinner. Watched with a
 *   MutationObserver, whose callback runs before the browser paints the change.
 */
import { useLayoutEffect } from 'react';

export const FIRST_SCREEN_ID = 'jinri-first-screen';

function staticFirstScreen(): HTMLElement | null {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return null;
  return document.getElementById(FIRST_SCREEN_ID);
}

/** True when the page's own content has replaced what the static first screen shows. */
export function pageHasContent(page: string, root: ParentNode): boolean {
  if (page !== 'today') return true;
  const list = root.querySelector('[data-testid="today-list"]');
  return !!list && list.getAttribute('data-state') !== 'loading';
}

/** Removes the static first screen once the page `name` has drawn its content. */
export function useDropFirstScreen(name: string): void {
  useLayoutEffect(() => {
    const shell = staticFirstScreen();
    if (!shell) return undefined;
    const root = document.getElementById('app') ?? document.body;
    const drop = () => {
      if (!pageHasContent(name, root)) return false;
      shell.remove();
      return true;
    };
    if (drop()) return undefined;
    const observer = new MutationObserver(() => {
      if (drop()) observer.disconnect();
    });
    observer.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
    return () => observer.disconnect();
  }, [name]);
}
