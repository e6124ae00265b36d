/** A spreadsheet upload refused: nothing was imported, and what to fix, one line per problem. */
import { Text, View } from '@tarojs/components';

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
