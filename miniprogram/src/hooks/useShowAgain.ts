/** A page shown again (back from another page) and pulled down: when a page loads its data again. */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef } from 'react';

/** Runs `onShowAgain` each time the page is shown again; not on its first show (that is the mount itself). */
export function useShowAgain(onShowAgain: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) onShowAgain();
    shown.current = true;
  });
}

/** A list page that stays current: loaded again when shown again (back from an item) and on pull-down. */
export function useListRefresh(list: { refresh: () => Promise<unknown> }): void {
  useShowAgain(() => void list.refresh());
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
}
