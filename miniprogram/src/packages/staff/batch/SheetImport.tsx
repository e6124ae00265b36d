/** 表格导入: download the unit's sheet for a date, fill it on a computer, upload it back (all or nothing). */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BatchPlansView, SheetRowError } from '@jinri/shared';

import { toApiError } from '@/api/request';
import { downloadUnitTemplate, importUnitPlans } from '@/api/batch.api';
import { sheetRowErrors } from '@/api/error-details';
import { formatDay } from '@/utils/date';
import { onlyIf } from '@/utils/props';
import { SheetOutcomeView } from '@/components/SheetRowErrors';
import { useSheetTransfer } from '@/hooks/useSheetTransfer';

interface SheetImportProps {
  unitId: number;
  date: string;
  /** Unsaved edits on the page, which an import would replace. */
  dirty: boolean;
  onImported: (view: BatchPlansView) => void;
}

export function rowErrorText(e: SheetRowError): string {
  const where = [e.row > 0 ? `第 ${e.row} 行` : '', e.column ? `「${e.column}」` : ''].join('');
  return where ? `${where}：${e.reason}` : e.reason;
}

export function SheetImport({ unitId, date, dirty, onImported }: SheetImportProps) {
  const { downloading, uploading, outcome, download, pick, upload } = useSheetTransfer<BatchPlansView>();

  const downloadTemplate = () =>
    download(
      () => downloadUnitTemplate(unitId, date),
      '模板已下载',
      (error) => void Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 }),
    );

  const uploadSheet = async () => {
    if (uploading) return;
    if (dirty) {
      const { confirm } = await Taro.showModal({
        title: '以表格为准？',
        content: '导入会用表格里的内容更新日程，本页还没提交的修改将被丢弃。',
        confirmText: '继续导入',
        confirmColor: '#b42318',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    const picked = await pick('请选择从这里下载的 .xlsx 模板表格', (error) => toApiError(error).message);
    if (!picked) return;
    await upload(
      picked,
      () => importUnitPlans(unitId, date, picked),
      (error) => {
        const rows = sheetRowErrors(error);
        const apiError = toApiError(error);
        return apiError.hasCode('PLAN.SHEET_INVALID') && rows.length > 0
          ? { kind: 'rows', message: apiError.message, rows }
          : { kind: 'error', message: apiError.message };
      },
      onImported,
    );
  };

  return (
    <View className="card" data-testid="sheet-import">
      <Text className="st-card-title">表格导入</Text>
      <Text className="st-hint">
        干部较多时，可以下载 {formatDay(date)}{' '}
        的模板，在电脑上填好后上传。表格中有任何一行填错，都不会导入，请按提示改好后重新上传。
        {process.env.TARO_ENV === 'weapp'
          ? '在微信中，模板会用文档预览打开，可从右上角菜单发送到电脑；上传时请从聊天记录中选择表格。'
          : ''}
      </Text>
      <View className="st-actions-row">
        <Button
          className={`btn btn-secondary ${downloading ? 'btn-disabled' : ''}`}
          disabled={onlyIf(downloading)}
          data-testid="sheet-download"
          onClick={() => void downloadTemplate()}
        >
          {downloading ? '正在下载…' : '下载模板'}
        </Button>
        <Button
          className={`btn btn-primary ${uploading ? 'btn-disabled' : ''}`}
          disabled={onlyIf(uploading)}
          data-testid="sheet-upload"
          onClick={() => void uploadSheet()}
        >
          {uploading ? '正在导入…' : '上传表格'}
        </Button>
      </View>

      <SheetOutcomeView
        outcome={outcome}
        testId="sheet"
        imported={({ fileName }) => (
          <Text className="st-banner__text">已导入“{fileName}”，下方已显示表格中的日程。</Text>
        )}
        rowLines={({ rows }) => rows.map((row) => rowErrorText(row))}
      />
    </View>
  );
}
