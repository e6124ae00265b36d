import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { resetCareModeForTests } from '@/hooks/useCareMode';
import { CareModeSwitch } from './index';

beforeEach(() => {
  resetCareModeForTests();
  document.documentElement.removeAttribute('style');
  document.documentElement.className = '';
  document.body.className = '';
});

describe('CareModeSwitch', () => {
  it('is a labelled switch whose state is written out, not shown by colour alone', () => {
    render(<CareModeSwitch />);

    const toggle = screen.getByTestId('care-mode-switch');
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(toggle.getAttribute('aria-labelledby')).toBe('care-mode-title');
    expect(document.getElementById('care-mode-title')?.textContent).toBe('大字模式');
    expect(toggle.textContent).toBe('已关闭');
  });

  it('turns large text on when tapped: the root class is set and the choice persists', () => {
    render(<CareModeSwitch />);

    fireEvent.click(screen.getByTestId('care-mode-switch'));

    const toggle = screen.getByTestId('care-mode-switch');
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(toggle.textContent).toBe('已开启');
    expect(document.documentElement.classList.contains('care-mode')).toBe(true);
    expect(document.documentElement.style.fontSize).toBe('23.8px');
    expect(Taro.getStorageSync('jinri.careMode')).toBe(true);
  });

  it('as a header chip, toggles the same setting everywhere', () => {
    render(
      <>
        <CareModeSwitch variant="chip" />
        <CareModeSwitch />
      </>,
    );

    fireEvent.click(screen.getByTestId('care-mode-chip'));

    expect(screen.getByTestId('care-mode-chip').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('care-mode-chip').textContent).toContain('大字：开');
    expect(screen.getByTestId('care-mode-switch').getAttribute('aria-checked')).toBe('true');
  });
});
