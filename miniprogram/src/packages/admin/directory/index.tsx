/**
 * 名录表格: the whole directory (units, officials, posts, duties) as one spreadsheet — download it,
 * edit it on a computer, upload it back (all or nothing). Root (全县) admins only: the server
 * answers 403 AUTH.OUT_OF_SCOPE to anyone else.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SheetRowError } from '@jinri/shared';

import {
  downloadDirectory,
  importDirectory,
  MAX_DIRECTORY_SHEET_BYTES,
  type DirectoryImportResult,
} from '@/api/admin.api';
import { toApiError } from '@/api/request';
import { sheetRowErrors } from '@/api/error-details';
import { Page } from '@/components/Page';
import { onlyIf } from '@/utils/props';
import { SheetOutcomeView } from '@/components/SheetRowErrors';
import { useSheetTransfer } from '@/hooks/useSheetTransfer';
import { StaffGate } from '@/components/StaffGate';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/admin.css';

const OUT_OF_SCOPE_TEXT = '只有全县（本级）管理员可以导入导出整个名录';

export default function DirectoryPage() {
  return (
    <Page name="admin-directory" title="名录表格">
      <StaffGate roles={['admin']} deniedText="只有管理员可以导入导出名录。">
        {() => <DirectorySheet />}
      </StaffGate>
    </Page>
  );
}

/** "单位·上级编码", row 5 → "「单位」第 5 行「上级编码」：reason" (a part is left out when missing). */
export function directoryRowText({ row, column, reason }: SheetRowError): string {
  const dot = column.indexOf('·');
  const sheet = dot >= 0 ? column.slice(0, dot) : '';
  const field = dot >= 0 ? column.slice(dot + 1) : column;
  const where = [
    sheet ? `「${sheet}」` : '',
    row > 0 ? `第 ${row} 行` : '',
    field ? `「${field}」` : '',
  ].join('');
  return where ? `${where}：${reason}` : reason;
}

function errorText(error: unknown): string {
  const e = toApiError(error);
  return e.hasCode('AUTH.OUT_OF_SCOPE') ? OUT_OF_SCOPE_TEXT : e.message;
}

const importedText = (r: DirectoryImportResult) =>
  `已导入：单位 ${r.units}、干部 ${r.officials}、职务 ${r.posts}（交接 ${r.handovers}）、职责 ${r.duties}`;

function DirectorySheet() {
  const { downloading, uploading, outcome, fail, download, pick, upload } =
    useSheetTransfer<DirectoryImportResult>();

  const downloadSheet = () =>
    download(
      () => downloadDirectory(),
      '名录已下载',
      (error) => fail(errorText(error)),
    );

  const uploadSheet = async () => {
    if (uploading) return;
    const picked = await pick('请选择从这里下载、修改好的 .xlsx 名录表格', errorText);
    if (!picked) return;
    if (picked.size > MAX_DIRECTORY_SHEET_BYTES) {
      fail('表格太大（最大 5MB）');
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '导入名录？',
      content: `将按“${picked.name}”更新整个名录：按编码新增或修改，不删除任何内容。`,
      confirmText: '导入',
      cancelText: '取消',
    });
    if (!confirm) return;
    await upload(
      picked,
      () => importDirectory(picked),
      (error) => {
        const e = toApiError(error);
        return e.hasCode('PLAN.SHEET_INVALID')
          ? { kind: 'rows', message: e.message, rows: sheetRowErrors(error) }
          : { kind: 'error', message: errorText(error) };
      },
    );
  };

  return (
    <>
      <View className="card" data-testid="directory-sheet">
        <Text className="st-card-title">名录导入导出</Text>
        <Text className="st-hint">
          下载当前名录（单位、干部、职务、职责），在电脑上用 Excel 或 WPS 修改后上传。
          {process.env.TARO_ENV === 'weapp'
            ? '在微信中，表格会用文档预览打开，可从右上角菜单发送到电脑；上传时请从聊天记录中选择表格。'
            : ''}
        </Text>
        <View className="ad-sheet-actions">
          <Button
            className={`btn btn-secondary ad-block ${downloading ? 'btn-disabled' : ''}`}
            disabled={onlyIf(downloading)}
            data-testid="directory-download"
            onClick={() => void downloadSheet()}
          >
            {downloading ? '正在下载…' : '下载当前名录'}
          </Button>
          <Button
            className={`btn btn-primary ad-block ${uploading ? 'btn-disabled' : ''}`}
            disabled={onlyIf(uploading)}
            data-testid="directory-upload"
            onClick={() => void uploadSheet()}
          >
            {uploading ? '正在导入…' : '上传修改后的名录'}
          </Button>
        </View>

        <SheetOutcomeView
          outcome={outcome}
          testId="directory"
          imported={({ result, fileName }) => (
            <>
              <Text className="st-banner__text">{importedText(result)}</Text>
              <Text className="st-hint">来自“{fileName}”。</Text>
            </>
          )}
          rowLines={({ rows, message }) =>
            (rows.length ? rows : [{ row: 0, column: '', reason: message }]).map((row) =>
              directoryRowText(row),
            )
          }
        />
      </View>

      <View className="card" data-testid="directory-rules">
        <Text className="st-card-title">导入规则</Text>
        <Text className="ad-rule">· 按「编码」对应：已有编码的行会被修改，新编码的行会被新增。</Text>
        <Text className="ad-rule">· 导入不会删除任何内容：表格里删掉的行，名录中仍然保留。</Text>
        <Text className="ad-rule">
          · 职务填了新的现任干部时，前任的任职在新任开始的前一天结束，任职历史会保留。
        </Text>
        <Text className="ad-rule">
          · 全部导入或全不导入：有任何一行填错，整个表格都不会导入，请按提示改好后重新上传。
        </Text>
      </View>
    </>
  );
}
