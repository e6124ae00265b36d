import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';

import { Chip } from './index';

describe('Chip', () => {
  it('shows its text in its tone', () => {
    render(
      <Chip tone="success" testId="plan-status-chip">
        已公示
      </Chip>,
    );
    const chip = screen.getByTestId('plan-status-chip');
    expect(chip.textContent).toBe('已公示');
    expect(chip.className).toBe('st-chip st-chip--success');
  });

  it('is neutral unless told otherwise', () => {
    render(<Chip>请假</Chip>);
    expect(screen.getByText('请假').className).toBe('st-chip st-chip--neutral');
  });
});
