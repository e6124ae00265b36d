/** A spreadsheet upload refused: nothing was imported, and what to fix, one line per problem. */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import type { SheetOutcome } from '@/hooks/useSheetTransfer';
import { Banner } from '../Banner';

interface SheetRowErrorsProps {
  /** One line per problem, e.g. "第 3 行「日期」：不是有效日期". */
  lines: string[];
  testId: string;
  rowTestId: string;
}

export function SheetRowErrors({ lines, testId, rowTestId }: SheetRowErrorsProps) {
  return (
    <Banner tone="danger" testId={testId}>
      <Text className="st-banner__text">表格有误，未导入任何内容。请按下列提示修改后重新上传：</Text>
      <View className="st-sheet-rows">
        {lines.map((line, i) => (
          <Text key={i} className="st-sheet-row" data-testid={rowTestId}>
            {line}
          </Text>
        ))}
      </View>
    </Banner>
  );
}

interface SheetOutcomeViewProps<R> {
  outcome: SheetOutcome<R> | null;
  /** data-testid prefix: `${testId}-ok`, `-error`, `-rows`, `-row-error`. */
  testId: string;
  /** What an import brought in (the success banner's text). */
  imported: (ok: Extract<SheetOutcome<R>, { kind: 'ok' }>) => ReactNode;
  /** One line per problem of a refused sheet. */
  rowLines: (refused: Extract<SheetOutcome<R>, { kind: 'rows' }>) => string[];
}

/** What the last upload came to (useSheetTransfer): imported, refused row by row, or failed. */
export function SheetOutcomeView<R>({ outcome, testId, imported, rowLines }: SheetOutcomeViewProps<R>) {
  if (outcome?.kind === 'ok') {
    return (
      <Banner tone="success" testId={`${testId}-ok`}>
        {imported(outcome)}
      </Banner>
    );
  }
  if (outcome?.kind === 'error') {
    return (
      <Banner tone="danger" testId={`${testId}-error`}>
        <Text className="st-banner__text">{outcome.message}</Text>
      </Banner>
    );
  }
  if (outcome?.kind === 'rows') {
    return (
      <SheetRowErrors testId={`${testId}-rows`} rowTestId={`${testId}-row-error`} lines={rowLines(outcome)} />
    );
  }
  return null;
}
