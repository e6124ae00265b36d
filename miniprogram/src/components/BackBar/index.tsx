import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';

import './index.css';

/** The tab pages (app.config.ts tabBar.list): they have the tab bar, so no back button. */
const TAB_PAGES = ['pages/today/index', 'pages/find/index', 'pages/me/index'];
const HOME = '/pages/today/index';

/** Whether `path` (a router path such as "/pages/find/index?x=1") is a tab page. */
export function isTabPage(path: string): boolean {
  const bare = path.replace(/^\/+/, '').replace(/[?#].*$/, '');
  // The bare address (/ or /#/) is the first tab.
  return bare === '' || TAB_PAGES.includes(bare);
}

/** Back to the previous page, or to 今日 when this page was opened first (a shared link). */
export function goBackOrHome(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack().catch(() => undefined);
  else void Taro.switchTab({ url: HOME }).catch(() => undefined);
}

/**
 * H5 only (components/Page renders it when TARO_ENV is h5): the browser has no WeChat navigation
 * bar, so every page keeps document.title equal to its navigationBarTitleText, and every non-tab
 * page gets a bar with its title and 返回 (or 首页 when there is no page to go back to).
 */
export function BackBar({ title }: { title: string }) {
  const router = useRouter();
  const [canGoBack, setCanGoBack] = useState(() => Taro.getCurrentPages().length > 1);
  useDidShow(() => {
    document.title = title;
    setCanGoBack(Taro.getCurrentPages().length > 1);
  });
  if (isTabPage(router.path)) return null;
  return (
    <View className="back-bar" role="banner" data-testid="back-bar">
      <View
        className="back-bar__button"
        role="button"
        aria-label={canGoBack ? '返回上一页' : '回到首页'}
        data-testid="back-bar-back"
        data-action={canGoBack ? 'back' : 'home'}
        onClick={goBackOrHome}
      >
        <Text className="back-bar__arrow" aria-hidden>
          ‹
        </Text>
        <Text>{canGoBack ? '返回' : '首页'}</Text>
      </View>
      <View className="back-bar__title" role="heading" aria-level={1} data-testid="back-bar-title">
        <Text>{title}</Text>
      </View>
      {/* Balances the button so the title stays centred. */}
      <View className="back-bar__spacer" />
    </View>
  );
}
