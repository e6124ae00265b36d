import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

import { BottomSheet } from './index';

describe('BottomSheet', () => {
  it('shows its title and body as a dialog named by the title', () => {
    render(
      <BottomSheet title="答复群众" testId="sheet-reply" onClose={() => undefined}>
        <span>表单</span>
      </BottomSheet>,
    );
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-label')).toBe('答复群众');
    expect(screen.getByText('答复群众')).toBeTruthy();
    expect(screen.getByText('表单')).toBeTruthy();
    expect(screen.getByTestId('sheet-reply')).toBeTruthy();
  });

  it('closes from 关闭 and from the backdrop', () => {
    const onClose = jest.fn();
    const { container } = render(
      <BottomSheet title="更多操作" testId="sheet-more" onClose={onClose}>
        <span>操作</span>
      </BottomSheet>,
    );
    fireEvent.click(screen.getByTestId('sheet-close'));
    fireEvent.click(container.querySelector('.bottom-sheet__backdrop')!);
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('names its dialog and close button as told, and scrolls a long body in a scroll-view', () => {
    const onClose = jest.fn();
    const { container } = render(
      <BottomSheet
        title="您住在哪个村（社区）？"
        label="选择我的村"
        testId="village-sheet"
        closeTestId="village-sheet-close"
        onClose={onClose}
        scroll
      >
        <span>村列表</span>
      </BottomSheet>,
    );
    expect(screen.getByRole('dialog').getAttribute('aria-label')).toBe('选择我的村');
    const body = container.querySelector('.bottom-sheet__body');
    expect(body?.getAttribute('data-taro')).toBe('ScrollView');
    expect(body?.textContent).toBe('村列表');
    fireEvent.click(screen.getByTestId('village-sheet-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('stops above the H5 tab bar on a tab page', () => {
    render(
      <BottomSheet title="标题" testId="sheet" onClose={() => undefined} overTabBar>
        <span />
      </BottomSheet>,
    );
    expect(screen.getByTestId('sheet').className).toContain('bottom-sheet--tab');
  });
});
