import { NavigationBar, PageMeta, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

import { useCareMode } from '@/hooks/useCareMode';
import { BackBar } from '../BackBar';
import { PrivacyGuide } from '../PrivacyGuide';
import { useDropFirstScreen } from './firstScreen';
import './index.css';

/** today | find | me | official | a staff page name. */
export type PageName = string;

interface PageProps {
  /** Which tab page this is; exposed as data-page for tests. */
  name: PageName;
  /** Navigation bar title; keep equal to navigationBarTitleText in the page's index.config.ts. */
  title: string;
}

/**
 * Root of every page.
 * - weapp: sets the page's root font size (1rem) from the reader's WeChat font size setting, raised
 *   by 大字模式 (hooks/useCareMode), via <page-meta>; the page's index.config.ts must have
 *   `enablePageMeta: true`. Taro then always emits a <navigation-bar> inside <page-meta>, so we
 *   fill it in rather than leave it blank.
 * - The shell carries the large-text root class (`care-mode`, styles/tokens.css) and is the page's
 *   `main` landmark (H5: Taro passes role to the div; screen readers and axe's `region` rule).
 * - Marks the app shell for browser tests: class `app-shell`, `data-testid="app-shell"`, `data-page`.
 * - H5: keeps document.title equal to `title`, and gives non-tab pages a bar with the title and
 *   返回 (components/BackBar): the browser has no WeChat navigation bar.
 * - H5: removes the static first screen drawn by the server (./firstScreen.ts) once it has content.
 * - Hosts the privacy consent popup (components/PrivacyGuide), which shows itself when needed.
 */
export function Page({ name, title, children }: PropsWithChildren<PageProps>) {
  const { rootFontSize, className: careClass } = useCareMode();
  // H5: the server's static first screen gives way once this page has drawn its own (issue #15).
  useDropFirstScreen(name);
  return (
    <>
      {process.env.TARO_ENV === 'weapp' && rootFontSize ? (
        <PageMeta rootFontSize={rootFontSize} pageStyle={`font-size: ${rootFontSize};`}>
          <NavigationBar title={title} frontColor="#000000" backgroundColor="#ffffff" />
        </PageMeta>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? <BackBar title={title} /> : null}
      <View
        className={`app-shell page page--${name} ${careClass}`}
        role="main"
        data-testid="app-shell"
        data-page={name}
      >
        {children}
        <PrivacyGuide id={name} />
      </View>
    </>
  );
}
