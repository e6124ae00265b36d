/**
 * Files on the phone: picking photos and spreadsheets, compressing photos before upload, saving or
 * opening a downloaded spreadsheet, and the URL of an uploaded photo. The transfers themselves go
 * through `upload()` / `download()` in request.ts (token, one relogin on 401, ApiError).
 */
import Taro from '@tarojs/taro';
import { API_PREFIX, type UploadResponse } from '@jinri/shared';

import { API_BASE, ApiError, download, upload, type Query } from './request';

/** Longest side of a photo after compressing on the phone (the server keeps 1600 px too). */
const MAX_PHOTO_SIDE = 1600;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Photo and other file URLs from the API are origin-relative ("/uploads/…"). H5 is served by the
 * API itself; weapp needs the API's origin in front.
 */
export function mediaUrl(path: string): string {
  if (!path || /^https?:\/\//.test(path) || process.env.TARO_ENV === 'h5') return path;
  const origin = API_BASE.replace(new RegExp(`/${API_PREFIX}$`), '');
  return `${origin}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A file picked on the phone: a temp path (weapp) or a File (H5). */
export interface PickedFile {
  path: string;
  name: string;
  size: number;
  file?: File;
}

// Each platform's file code is a separate function, chosen once below with a constant condition,
// so the build for one platform drops the other's code entirely.

const isCancel = (error: unknown) => /cancel/i.test((error as { errMsg?: string } | undefined)?.errMsg ?? '');

/** H5: a hidden <input type=file>; resolves with [] when the chooser is cancelled. */
function pickFilesInBrowser(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.position = 'fixed';
    input.style.left = '-9999px';
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}

async function pickImagesH5(count: number): Promise<PickedFile[]> {
  if (count <= 0) return [];
  const files = await pickFilesInBrowser('image/jpeg,image/png,image/webp', count > 1);
  return files.slice(0, count).map((file) => ({ path: file.name, name: file.name, size: file.size, file }));
}

async function pickImagesWeapp(count: number): Promise<PickedFile[]> {
  if (count <= 0) return [];
  try {
    const res = await Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    });
    return res.tempFiles.map((f) => ({ path: f.tempFilePath, name: f.tempFilePath, size: f.size }));
  } catch (error) {
    if (isCancel(error)) return [];
    throw new ApiError({ code: 'COMMON.BAD_REQUEST', status: 0, message: '无法打开相册或相机，请重试' });
  }
}

/** Lets the person take or choose up to `count` photos; [] when they cancel. */
export const pickImages: (count: number) => Promise<PickedFile[]> =
  process.env.TARO_ENV === 'h5' ? pickImagesH5 : pickImagesWeapp;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image'));
    img.src = url;
  });
}

/** H5: redraw at ≤ 1600 px and re-encode as JPEG 0.7; keeps the original when that is smaller. */
async function compressInBrowser(file: File): Promise<Blob> {
  const url = URL.createObjectURL(file);
  try {
    const img = await loadImage(url);
    const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(img.naturalWidth, img.naturalHeight, 1));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.fillStyle = '#ffffff'; // transparent PNGs become white, not black
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.7));
    return blob && (blob.size < file.size || scale < 1) ? blob : file;
  } catch {
    return file; // not decodable here: let the server judge it
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** weapp: Taro.compressImage at quality 60, at most 1600 px on the long side. */
async function compressInWeapp(path: string): Promise<string> {
  try {
    const info = await Taro.getImageInfo({ src: path });
    const side: Partial<Taro.compressImage.Option> =
      info.width >= info.height
        ? info.width > MAX_PHOTO_SIDE
          ? { compressedWidth: MAX_PHOTO_SIDE }
          : {}
        : info.height > MAX_PHOTO_SIDE
          ? { compressedHeight: MAX_PHOTO_SIDE }
          : {};
    const res = await Taro.compressImage({ src: path, quality: 60, ...side });
    return res.tempFilePath || path;
  } catch {
    return path; // older base library: the chooser's "compressed" size has to do
  }
}

async function uploadImageH5(picked: PickedFile): Promise<UploadResponse> {
  if (!picked.file) throw new ApiError({ code: 'UPLOAD.UNSUPPORTED', status: 0 });
  const blob = await compressInBrowser(picked.file);
  const name = blob === picked.file ? picked.name : picked.name.replace(/\.\w+$/, '') + '.jpg';
  return upload<UploadResponse>({ path: '/uploads', file: { path: picked.path, blob, name } });
}

async function uploadImageWeapp(picked: PickedFile): Promise<UploadResponse> {
  const path = await compressInWeapp(picked.path);
  return upload<UploadResponse>({ path: '/uploads', file: { path, name: 'photo.jpg' } });
}

/** Compresses a picked photo on the phone, then POST /uploads (jpeg/png/webp ≤ 8 MB). */
export const uploadImage: (picked: PickedFile) => Promise<UploadResponse> =
  process.env.TARO_ENV === 'h5' ? uploadImageH5 : uploadImageWeapp;

async function pickSpreadsheetH5(): Promise<PickedFile | null> {
  const [file] = await pickFilesInBrowser(`.xlsx,${XLSX_MIME}`, false);
  return file ? { path: file.name, name: file.name, size: file.size, file } : null;
}

async function pickSpreadsheetWeapp(): Promise<PickedFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    const f = res.tempFiles[0];
    return f ? { path: f.path, name: f.name, size: f.size } : null;
  } catch (error) {
    if (isCancel(error)) return null;
    throw new ApiError({ code: 'COMMON.BAD_REQUEST', status: 0, message: '无法选择文件，请重试' });
  }
}

/** Lets the clerk choose one .xlsx (weapp: from a WeChat chat; H5: from the device); null if cancelled. */
export const pickSpreadsheet: () => Promise<PickedFile | null> =
  process.env.TARO_ENV === 'h5' ? pickSpreadsheetH5 : pickSpreadsheetWeapp;

/** "attachment; filename*=UTF-8''%E6%98%8E…" → the file name. */
function fileNameFrom(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through
    }
  }
  const plain = disposition?.match(/filename="?([^";]+)"?/i);
  return plain ? plain[1] : fallback;
}

/** H5: the downloaded bytes → object URL → <a download>. */
async function downloadH5(target: { path: string; query?: Query }, fallbackName: string): Promise<void> {
  const { blob, disposition } = await download(target);
  const objectUrl = URL.createObjectURL(blob ?? new Blob());
  const a = document.createElement('a');
  a.href = objectUrl;
  a.download = fileNameFrom(disposition, fallbackName);
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}

/** weapp: the downloaded temp file in WeChat's document viewer (its menu can forward it). */
async function openInWeapp(
  target: { path: string; query?: Query },
  fileType: 'xlsx' | 'docx' | 'pdf',
): Promise<void> {
  const { tempFilePath } = await download(target);
  try {
    await Taro.openDocument({ filePath: tempFilePath ?? '', fileType, showMenu: true });
  } catch {
    throw new ApiError({
      code: 'COMMON.BAD_REQUEST',
      status: 0,
      message: `${fileType === 'xlsx' ? '表格' : '文档'}已下载，但无法打开，请确认微信已更新到最新版本`,
    });
  }
}

const downloadWeapp = (target: { path: string; query?: Query }) => openInWeapp(target, 'xlsx');
const downloadDocxWeapp = (target: { path: string; query?: Query }) => openInWeapp(target, 'docx');

/** GET a spreadsheet with the token; H5: saved by the browser, weapp: opened in the document viewer. */
export const downloadXlsx: (target: { path: string; query?: Query }, fallbackName: string) => Promise<void> =
  process.env.TARO_ENV === 'h5' ? downloadH5 : downloadWeapp;

/** GET a Word document (a notice) with the token; H5: saved by the browser, weapp: opened in the viewer. */
export const downloadDocx: (target: { path: string; query?: Query }, fallbackName: string) => Promise<void> =
  process.env.TARO_ENV === 'h5' ? downloadH5 : downloadDocxWeapp;

const downloadPdfWeapp = (target: { path: string; query?: Query }) => openInWeapp(target, 'pdf');

/** GET a PDF (立体像, the weekly board) with the token; H5: saved by the browser, weapp: opened in the viewer. */
export const downloadPdf: (target: { path: string; query?: Query }, fallbackName: string) => Promise<void> =
  process.env.TARO_ENV === 'h5' ? downloadH5 : downloadPdfWeapp;
