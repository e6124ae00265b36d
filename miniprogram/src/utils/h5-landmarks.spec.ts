import { describe, expect, it } from '@jest/globals';

import { markH5Landmarks } from './h5-landmarks';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('markH5Landmarks', () => {
  it('names the tab bar as navigation and makes page scroll boxes keyboard-reachable, also when added later', async () => {
    document.body.innerHTML = '<taro-tabbar></taro-tabbar><div class="taro_page"></div>';

    markH5Landmarks(document);
    const later = document.createElement('div');
    later.className = 'taro_page';
    document.body.appendChild(later);
    await settle();

    const bar = document.querySelector('taro-tabbar');
    expect(bar?.getAttribute('role')).toBe('navigation');
    expect(bar?.getAttribute('aria-label')).toBe('主菜单');
    for (const page of document.querySelectorAll('.taro_page'))
      expect(page.getAttribute('tabindex')).toBe('0');
  });
});
