/**
 * The platform half of file transfers: multipart upload and download on H5 (fetch) and weapp
 * (Taro.uploadFile / downloadFile). Only raw HTTP here; `upload()` and `download()` in request.ts
 * add the token, the one relogin on 401 and the ApiError mapping. A call that gets no HTTP answer
 * rejects with the platform's own error.
 *
 * Each platform's code is a separate function, chosen once with a constant condition, so the build
 * for one platform drops the other's code entirely.
 */
import Taro from '@tarojs/taro';

export const UPLOAD_TIMEOUT_MS = 60_000;

/** An HTTP answer as both platforms give it. */
export interface RawResponse {
  statusCode: number;
  data: unknown;
  header: unknown;
}

/** A file to send as the multipart `file` field. */
export interface MultipartFile {
  /** weapp: the temp file path. */
  path: string;
  /** H5: the bytes. */
  blob?: Blob;
  name: string;
}

/** A downloaded file: the bytes (H5) or a temp file path (weapp). */
export interface DownloadedFile {
  blob?: Blob;
  tempFilePath?: string;
  /** The Content-Disposition header (H5 only; weapp does not expose it). */
  disposition: string | null;
}

/** H5: POST multipart with fetch (Taro.request cannot send files); the body as text. */
async function sendFileH5(
  url: string,
  file: MultipartFile,
  header: Record<string, string>,
): Promise<RawResponse> {
  const form = new FormData();
  if (file.blob) form.append('file', file.blob, file.name);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), UPLOAD_TIMEOUT_MS);
  try {
    const res = await fetch(url, { method: 'POST', headers: header, body: form, signal: controller.signal });
    return {
      statusCode: res.status,
      data: await res.text(),
      header: { 'x-request-id': res.headers.get('x-request-id') ?? undefined },
    };
  } finally {
    clearTimeout(timer);
  }
}

/** weapp: Taro.uploadFile; the body as text. */
async function sendFileWeapp(
  url: string,
  file: MultipartFile,
  header: Record<string, string>,
): Promise<RawResponse> {
  const res = await Taro.uploadFile({
    url,
    filePath: file.path,
    name: 'file',
    header,
    timeout: UPLOAD_TIMEOUT_MS,
  });
  return { statusCode: res.statusCode, data: res.data, header: undefined };
}

export const sendFile: (
  url: string,
  file: MultipartFile,
  header: Record<string, string>,
) => Promise<RawResponse> = process.env.TARO_ENV === 'h5' ? sendFileH5 : sendFileWeapp;

export type FileResponse = RawResponse & { file?: DownloadedFile };

/** H5: fetch, the body as a Blob (an error body as text). */
async function receiveFileH5(url: string, header: Record<string, string>): Promise<FileResponse> {
  const res = await fetch(url, { headers: header });
  if (!res.ok) return { statusCode: res.status, data: await res.text(), header: undefined };
  const blob = await res.blob();
  const file = { blob, disposition: res.headers.get('content-disposition') };
  return { statusCode: res.status, data: undefined, header: undefined, file };
}

/** weapp: Taro.downloadFile; an error body is read back from the temp file. */
async function receiveFileWeapp(url: string, header: Record<string, string>): Promise<FileResponse> {
  const res = await Taro.downloadFile({ url, header });
  if (res.statusCode >= 200 && res.statusCode < 300) {
    const file = { tempFilePath: res.tempFilePath, disposition: null };
    return { statusCode: res.statusCode, data: undefined, header: undefined, file };
  }
  let data: unknown;
  try {
    data = Taro.getFileSystemManager().readFileSync(res.tempFilePath, 'utf8');
  } catch {
    data = undefined;
  }
  return { statusCode: res.statusCode, data, header: undefined };
}

export const receiveFile: (url: string, header: Record<string, string>) => Promise<FileResponse> =
  process.env.TARO_ENV === 'h5' ? receiveFileH5 : receiveFileWeapp;
