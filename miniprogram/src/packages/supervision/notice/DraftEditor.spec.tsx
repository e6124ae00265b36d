import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

import { changedFields, DraftEditor, fieldsOf, fieldsProblem } from './DraftEditor';
import { noticeFixture } from './fixtures';

describe('draft fields', () => {
  const draft = noticeFixture({ state: 'draft', number: null, version: 4 });

  it('sends only what changed, with the version seen', () => {
    expect(changedFields(draft, fieldsOf(draft))).toBeNull();
    expect(changedFields(draft, { ...fieldsOf(draft), title: '新标题', selfExamWorkingDays: 0 })).toEqual({
      version: 4,
      title: '新标题',
      selfExamWorkingDays: 0,
    });
  });

  it('refuses an empty title or issuer', () => {
    expect(fieldsProblem({ ...fieldsOf(draft), title: '  ' })).toBe('请填写通报标题');
    expect(fieldsProblem({ ...fieldsOf(draft), issuer: '' })).toBe('请填写落款单位');
    expect(fieldsProblem(fieldsOf(draft))).toBe('');
  });

  it('edits the fields and saves only when something changed', () => {
    const onChange = jest.fn();
    const onSave = jest.fn();
    const { rerender } = render(
      <DraftEditor
        fields={fieldsOf(draft)}
        onChange={onChange}
        dirty={false}
        busy={false}
        error={null}
        onSave={onSave}
      />,
    );
    expect(screen.getByTestId('notice-save').hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByTestId('notice-title'), { target: { value: '改过的标题' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...fieldsOf(draft), title: '改过的标题' });
    rerender(
      <DraftEditor
        fields={{ ...fieldsOf(draft), title: '改过的标题' }}
        onChange={onChange}
        dirty
        busy={false}
        error="通报已被他人修改"
        onSave={onSave}
      />,
    );
    fireEvent.click(screen.getByTestId('notice-save'));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('notice-save-error').textContent).toBe('通报已被他人修改');
    expect((screen.getByTestId('notice-title') as HTMLInputElement).value).toBe('改过的标题');
  });
});
