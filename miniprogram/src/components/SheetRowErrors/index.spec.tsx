import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';

import { SheetRowErrors } from './index';

describe('SheetRowErrors', () => {
  it('says nothing was imported and lists each problem as a line', () => {
    render(
      <SheetRowErrors
        testId="sheet-rows"
        rowTestId="sheet-row-error"
        lines={['第 3 行「日期」：不是有效日期', '第 5 行「干部」：本单位没有此人']}
      />,
    );
    expect(screen.getByRole('alert').getAttribute('data-testid')).toBe('sheet-rows');
    expect(screen.getByText(/未导入任何内容/)).toBeTruthy();
    expect(screen.getAllByTestId('sheet-row-error').map((row) => row.textContent)).toEqual([
      '第 3 行「日期」：不是有效日期',
      '第 5 行「干部」：本单位没有此人',
    ]);
  });
});
