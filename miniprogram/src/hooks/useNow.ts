import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';

const MINUTE_MS = 60_000;

/**
 * The current time (ms), refreshed every minute while the page is shown, so "正在进行" and
 * "today" follow the clock even when the page stays open across a meeting or past midnight.
 */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  const [visible, setVisible] = useState(true);

  useDidShow(() => {
    setVisible(true);
    setNow(Date.now());
  });
  useDidHide(() => setVisible(false));

  useEffect(() => {
    if (!visible) return;
    // Tick on the minute so a change of entry shows when the clock shows it.
    let interval: ReturnType<typeof setInterval> | undefined;
    const timeout = setTimeout(
      () => {
        setNow(Date.now());
        interval = setInterval(() => setNow(Date.now()), MINUTE_MS);
      },
      MINUTE_MS - (Date.now() % MINUTE_MS) + 50,
    );
    return () => {
      clearTimeout(timeout);
      if (interval) clearInterval(interval);
    };
  }, [visible]);

  return now;
}
