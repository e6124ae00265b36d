import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';

import { Banner } from './index';

describe('Banner', () => {
  it('is an alert when something went wrong', () => {
    render(
      <Banner tone="danger" testId="submit-error">
        <span>网络不通</span>
      </Banner>,
    );
    const banner = screen.getByRole('alert');
    expect(banner.getAttribute('data-testid')).toBe('submit-error');
    expect(banner.className).toBe('st-banner st-banner--danger');
    expect(banner.textContent).toBe('网络不通');
  });

  it('is a status for any other news', () => {
    render(
      <Banner tone="success">
        <span>已按时提交</span>
      </Banner>,
    );
    expect(screen.getByRole('status').className).toBe('st-banner st-banner--success');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
