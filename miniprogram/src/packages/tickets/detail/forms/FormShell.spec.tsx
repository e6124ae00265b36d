import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

import { DecisionRow, FormSheet, SubmitRow } from './FormShell';

function renderForm(busy: boolean, onClose: () => void, onSubmit: () => void, error: string | null = null) {
  return render(
    <FormSheet
      title="办结"
      testId="sheet-resolve"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SubmitRow
          busy={busy}
          label="确认办结"
          testId="resolve-submit"
          onCancel={onClose}
          onSubmit={onSubmit}
        />
      }
    >
      <span>办理结果</span>
    </FormSheet>,
  );
}

describe('FormSheet', () => {
  it('closes from 关闭 while nothing is being sent, and submits from its button', () => {
    const onClose = jest.fn();
    const onSubmit = jest.fn();
    renderForm(false, onClose, onSubmit);
    fireEvent.click(screen.getByTestId('resolve-submit'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('sheet-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('refuses to close while sending and says so on the button', () => {
    const onClose = jest.fn();
    renderForm(true, onClose, () => undefined);
    fireEvent.click(screen.getByTestId('sheet-close'));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('resolve-submit').textContent).toBe('正在提交…');
  });

  it('shows what went wrong above its buttons', () => {
    renderForm(
      false,
      () => undefined,
      () => undefined,
      '请写明办理结果，群众会据此评价',
    );
    expect(screen.getByTestId('action-error').textContent).toBe('请写明办理结果，群众会据此评价');
  });
});

describe('DecisionRow', () => {
  it('emits the decision tapped, and offers approval only when given', () => {
    const reject = jest.fn();
    const approve = jest.fn();
    const { rerender } = render(
      <DecisionRow
        busy={false}
        reject={{ label: '不同意', testId: 'decide-reject', onClick: reject }}
        approve={{ label: '同意延期', testId: 'decide-approve', onClick: approve }}
      />,
    );
    fireEvent.click(screen.getByTestId('decide-reject'));
    fireEvent.click(screen.getByTestId('decide-approve'));
    expect(reject).toHaveBeenCalledTimes(1);
    expect(approve).toHaveBeenCalledTimes(1);
    rerender(
      <DecisionRow busy={false} reject={{ label: '屏蔽', testId: 'moderate-hide', onClick: reject }} />,
    );
    expect(screen.queryByTestId('decide-approve')).toBeNull();
  });
});
