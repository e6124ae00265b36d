import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

import { TextField } from './index';

describe('TextField', () => {
  it('shows its label and how much of the limit is used, and emits what is typed', () => {
    const onChange = jest.fn();
    render(<TextField label="请假事由" value="复查" max={500} testId="leave-reason" onChange={onChange} />);
    expect(screen.getByText('请假事由')).toBeTruthy();
    expect(screen.getByText('2/500')).toBeTruthy();
    const box = screen.getByTestId('leave-reason') as HTMLTextAreaElement;
    expect(box.maxLength).toBe(500);
    fireEvent.change(box, { target: { value: '赴市人民医院复查' } });
    expect(onChange).toHaveBeenCalledWith('赴市人民医院复查');
  });

  it('is tall, marked or disabled when told', () => {
    render(
      <TextField
        label="工作内容"
        value=""
        max={200}
        tall
        invalid
        disabled
        testId="entry-what"
        onChange={() => undefined}
      />,
    );
    const box = screen.getByTestId('entry-what') as HTMLTextAreaElement;
    expect(box.className).toBe('st-textarea st-textarea--tall st-input--invalid');
    expect(box.disabled).toBe(true);
  });
});
