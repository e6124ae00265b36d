/** Page links of 找人办事, the matter page and the unit page. */
import Taro from '@tarojs/taro';

/** WeChat keeps at most 10 pages on the stack; near the limit, replace the top one instead. */
const STACK_LIMIT = 9;

export function openPage(url: string): void {
  const deep = Taro.getCurrentPages().length >= STACK_LIMIT;
  void (deep ? Taro.redirectTo({ url }) : Taro.navigateTo({ url })).catch(() => undefined);
}

export const matterUrl = (id: number) => `/pages/matter/index?id=${id}`;
export const officialUrl = (id: number) => `/pages/official/index?id=${id}`;
export const unitUrl = (id: number) => `/pages/unit/index?id=${id}`;
export const FIND_TAB_URL = '/pages/find/index';

/** Back to where the person came from, or to 找人办事 when the page was opened directly (a share). */
export function goBackOrFind(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack().catch(() => undefined);
  else void Taro.switchTab({ url: FIND_TAB_URL }).catch(() => undefined);
}
