import { describe, expect, it } from '@jest/globals';
import { Text } from '@tarojs/components';
import { render, screen } from '@testing-library/react';

import { SheetOutcomeView, SheetRowErrors } from './index';

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

describe('SheetOutcomeView', () => {
  const view = (outcome: Parameters<typeof SheetOutcomeView<number>>[0]['outcome']) =>
    render(
      <SheetOutcomeView
        outcome={outcome}
        testId="sheet"
        imported={({ fileName, result }) => <Text>{`${fileName}：${result} 行`}</Text>}
        rowLines={({ rows }) => rows.map((r) => `第 ${r.row} 行：${r.reason}`)}
      />,
    );

  it('shows nothing before an upload', () => {
    expect(view(null).container.textContent).toBe('');
  });

  it('shows what an import brought in', () => {
    view({ kind: 'ok', fileName: 'a.xlsx', result: 3 });
    expect(screen.getByTestId('sheet-ok').textContent).toBe('a.xlsx：3 行');
  });

  it('lists a refused sheet row by row', () => {
    view({ kind: 'rows', message: '表格有误', rows: [{ row: 2, column: '日期', reason: '不是有效日期' }] });
    expect(screen.getByTestId('sheet-rows')).toBeTruthy();
    expect(screen.getAllByTestId('sheet-row-error').map((r) => r.textContent)).toEqual([
      '第 2 行：不是有效日期',
    ]);
  });

  it('shows a failed upload with its message', () => {
    view({ kind: 'error', message: '网络不通' });
    expect(screen.getByTestId('sheet-error').textContent).toBe('网络不通');
  });
});
