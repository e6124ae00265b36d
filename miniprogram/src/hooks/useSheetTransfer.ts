/**
 * A spreadsheet round trip (名录表格, 表格导入): download one, fill it on a computer, pick the .xlsx
 * and upload it back (all or nothing). The busy flags, one call at a time, and what the last try
 * came to (`outcome`, shown by SheetOutcomeView).
 */
import Taro from '@tarojs/taro';
import type { SheetRowError } from '@jinri/shared';
import { useState } from 'react';

import { pickSpreadsheet, type PickedFile } from '@/api/files';

export type SheetOutcome<R> =
  | { kind: 'ok'; fileName: string; result: R }
  | { kind: 'rows'; message: string; rows: SheetRowError[] }
  | { kind: 'error'; message: string };

export function useSheetTransfer<R>() {
  const [downloading, setDownloading] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [outcome, setOutcome] = useState<SheetOutcome<R> | null>(null);
  const fail = (message: string) => setOutcome({ kind: 'error', message });

  /** Runs a download (not while one runs); in a browser, says `doneToast` when the file is saved. */
  const download = async (
    call: () => Promise<void>,
    doneToast: string,
    onError: (error: unknown) => void,
  ) => {
    if (downloading) return;
    setDownloading(true);
    try {
      await call();
      if (process.env.TARO_ENV === 'h5') void Taro.showToast({ title: doneToast, icon: 'success' });
    } catch (error) {
      onError(error);
    } finally {
      setDownloading(false);
    }
  };

  /** Lets the user pick an .xlsx: null when cancelled, or refused (then the outcome says why). */
  const pick = async (
    wrongTypeText: string,
    errorText: (error: unknown) => string,
  ): Promise<PickedFile | null> => {
    let picked;
    try {
      picked = await pickSpreadsheet();
    } catch (error) {
      fail(errorText(error));
      return null;
    }
    if (!picked) return null;
    if (!/\.xlsx$/i.test(picked.name)) {
      fail(wrongTypeText);
      return null;
    }
    return picked;
  };

  /** Uploads the picked file: 已导入 and `onImported`, or the outcome `failed` makes of the error. */
  const upload = async (
    picked: PickedFile,
    call: () => Promise<R>,
    failed: (error: unknown) => SheetOutcome<R>,
    onImported?: (result: R) => void,
  ) => {
    setUploading(true);
    setOutcome(null);
    try {
      const result = await call();
      setOutcome({ kind: 'ok', fileName: picked.name, result });
      onImported?.(result);
      void Taro.showToast({ title: '已导入', icon: 'success' });
    } catch (error) {
      setOutcome(failed(error));
    } finally {
      setUploading(false);
    }
  };

  return { downloading, uploading, outcome, fail, download, pick, upload };
}
