/**
 * Staff endpoints (officials, clerks, supervisors): plans, 一日三晒, leave, weekly reports, clerk
 * batch entry. One function per call, no state. JSON calls go through `request()`; the few
 * multipart uploads and file downloads, which Taro.request cannot do, live here too and turn
 * failures into the same ApiError.
 *
 * Also here: the local dates ("YYYY-MM-DD" in China time) these endpoints speak, since the 我的
 * page needs tomorrow's date as much as the staff pages do.
 */
import Taro from '@tarojs/taro';
import {
  API_PREFIX,
  isErrorCode,
  type BatchPlansRequest,
  type BatchPlansView,
  type DayPlanView,
  type DemoPersona,
  type DemoPublishResponse,
  type EntryUpdateInput,
  type EntryUpdateView,
  type ErrorCode,
  type JournalRules,
  type LeaveRequest,
  type LeaveStatus,
  type LeaveView,
  type LocalDate,
  type PlanCheckRequest,
  type PlanCheckResponse,
  type SavePlanRequest,
  type SheetRowError,
  type TimelineResponse,
  type UploadResponse,
  type WeeklyReportRequest,
  type WeeklyReportView,
} from '@jinri/shared';

import { ApiError, API_BASE, buildUrl, getAccessToken, NETWORK_ERROR_MESSAGE, request } from './request';

// --- dates --------------------------------------------------------------------------------

/** China Standard Time has no daylight saving: always UTC+8. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const SHORT_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

function fromUtcDate(d: Date): LocalDate {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "YYYY-MM-DD" as midnight UTC (a calendar day, not an instant). */
function toUtcDate(date: LocalDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Today in China, whatever the device's time zone. */
export function chinaToday(now: Date = new Date()): LocalDate {
  return fromUtcDate(new Date(now.getTime() + CHINA_OFFSET_MS));
}

/** Minutes since midnight, China time. */
export function chinaMinutesNow(now: Date = new Date()): number {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS);
  return china.getUTCHours() * 60 + china.getUTCMinutes();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcDate(new Date(toUtcDate(date).getTime() + days * DAY_MS));
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return toUtcDate(date).getUTCDay();
}

/** The Monday of the week `date` is in (weeks run Monday to Sunday). */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** "11月23日 周一" */
export function formatDay(date: LocalDate): string {
  const d = toUtcDate(date);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${SHORT_WEEKDAYS[d.getUTCDay()]}`;
}

/** "11月23日" */
export function formatMonthDay(date: LocalDate): string {
  const d = toUtcDate(date);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** An ISO instant as "11月23日 08:30" in China time. */
export function formatInstant(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '';
  const china = new Date(t.getTime() + CHINA_OFFSET_MS);
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}

/** "08:30" → minutes since midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** 今天 / 明天 / 昨天 / "11月25日 周三". */
export function relativeDayLabel(date: LocalDate, today: LocalDate = chinaToday()): string {
  const diff = daysBetween(today, date);
  if (diff === 0) return '今天';
  if (diff === 1) return '明天';
  if (diff === -1) return '昨天';
  return formatDay(date);
}

// --- directory and rules ------------------------------------------------------------------

/** GET /officials/:id (only what the staff pages use). */
export interface OfficialProfileView {
  id: number;
  name: string;
  posts: Array<{ title: string; unit: { id: number; name: string } }>;
}

export function getOfficial(id: number): Promise<OfficialProfileView> {
  return request<OfficialProfileView>({ path: `/officials/${id}` });
}

export function getJournalRules(unitId: number): Promise<JournalRules> {
  return request<JournalRules>({ path: '/journal-rules', query: { unitId } });
}

// --- plans --------------------------------------------------------------------------------

/** GET /plans/:officialId/:date — null when there is none (yet). */
export async function getPlan(officialId: number, date: LocalDate): Promise<DayPlanView | null> {
  const plan = await request<DayPlanView | null | ''>({ path: `/plans/${officialId}/${date}` });
  return plan && typeof plan === 'object' ? plan : null;
}

export function savePlan(officialId: number, date: LocalDate, body: SavePlanRequest): Promise<DayPlanView> {
  return request<DayPlanView>({ method: 'PUT', path: `/plans/${officialId}/${date}`, data: body });
}

export function checkPlan(body: PlanCheckRequest): Promise<PlanCheckResponse> {
  return request<PlanCheckResponse>({ method: 'POST', path: '/plans/check', data: body });
}

export function getTimeline(officialId: number, from: LocalDate, to: LocalDate): Promise<TimelineResponse> {
  return request<TimelineResponse>({ path: `/officials/${officialId}/timeline`, query: { from, to } });
}

/** POST /entries/:id/updates (today's entries only: 400 ENTRY.NOT_TODAY otherwise). */
export function postEntryUpdate(entryId: number, body: EntryUpdateInput): Promise<EntryUpdateView> {
  return request<EntryUpdateView>({ method: 'POST', path: `/entries/${entryId}/updates`, data: body });
}

// --- leave and weekly reports -------------------------------------------------------------

export function createLeave(body: LeaveRequest): Promise<LeaveView> {
  return request<LeaveView>({ method: 'POST', path: '/leaves', data: body });
}

/** Own leave and the leave of the units in the caller's scope, newest first. */
export function listLeaves(status?: LeaveStatus): Promise<LeaveView[]> {
  return request<LeaveView[]>({ path: '/leaves', query: { status } });
}

export function decideLeave(id: number, action: 'approve' | 'reject' | 'cancel'): Promise<LeaveView> {
  return request<LeaveView>({ method: 'POST', path: `/leaves/${id}/${action}` });
}

/** GET /weekly-reports/:officialId/:weekStart — null when there is none (404). */
export async function getWeeklyReport(
  officialId: number,
  weekStart: LocalDate,
): Promise<WeeklyReportView | null> {
  try {
    return await request<WeeklyReportView>({ path: `/weekly-reports/${officialId}/${weekStart}` });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === 'COMMON.NOT_FOUND') return null;
    throw error;
  }
}

export function saveWeeklyReport(
  officialId: number,
  weekStart: LocalDate,
  body: WeeklyReportRequest,
): Promise<WeeklyReportView> {
  return request<WeeklyReportView>({
    method: 'PUT',
    path: `/weekly-reports/${officialId}/${weekStart}`,
    data: body,
  });
}

// --- clerk batch entry --------------------------------------------------------------------

export function getUnitPlans(unitId: number, date: LocalDate): Promise<BatchPlansView> {
  return request<BatchPlansView>({ path: `/units/${unitId}/plans`, query: { date } });
}

/** All or nothing: 400 PLAN.INVALID_ENTRY with fields `plans.<i>.entries.<j>.<field>`. */
export function saveUnitPlans(unitId: number, body: BatchPlansRequest): Promise<BatchPlansView> {
  return request<BatchPlansView>({ method: 'PUT', path: `/units/${unitId}/plans`, data: body });
}

// --- demo ---------------------------------------------------------------------------------

let demoMode: Promise<boolean> | null = null;

/** Whether the server runs the demo (GET /demo/personas answers). Asked once per app run. */
export function isDemoServer(): Promise<boolean> {
  demoMode ??= request<DemoPersona[]>({ path: '/demo/personas', auth: false }).then(
    (personas) => Array.isArray(personas) && personas.length > 0,
    (error: unknown) => {
      // 404: no demo. Anything else (offline): ask again next time.
      if (!(error instanceof ApiError && error.status === 404)) demoMode = null;
      return false;
    },
  );
  return demoMode;
}

/** POST /demo/publish — publish a date's submitted plans now (demo servers only). */
export function demoPublish(date: LocalDate): Promise<DemoPublishResponse> {
  return request<DemoPublishResponse>({ method: 'POST', path: '/demo/publish', data: { date } });
}

// --- errors in details --------------------------------------------------------------------

export interface FieldProblem {
  field: string;
  reasons: string[];
}

/** The `[{ field, reasons }]` list of a 400, or [] when the error has none. */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).flatMap((d) => {
    if (!d || typeof d !== 'object') return [];
    const { field, reasons } = d as { field?: unknown; reasons?: unknown };
    if (typeof field !== 'string') return [];
    const list = Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
    return [{ field, reasons: list }];
  });
}

/** The bad rows of a refused spreadsheet (400 PLAN.SHEET_INVALID), or []. */
export function sheetRowErrors(error: unknown): SheetRowError[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).flatMap((d) => {
    if (!d || typeof d !== 'object') return [];
    const { row, column, reason } = d as Partial<SheetRowError>;
    if (typeof reason !== 'string') return [];
    return [
      { row: typeof row === 'number' ? row : 0, column: typeof column === 'string' ? column : '', reason },
    ];
  });
}

// --- files: uploads and downloads ---------------------------------------------------------

const UPLOAD_TIMEOUT_MS = 60_000;
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

function statusCode(status: number): ErrorCode {
  if (status === 401) return 'COMMON.UNAUTHORIZED';
  if (status === 403) return 'COMMON.FORBIDDEN';
  if (status === 404) return 'COMMON.NOT_FOUND';
  if (status === 409) return 'COMMON.CONFLICT';
  if (status === 413) return 'COMMON.PAYLOAD_TOO_LARGE';
  if (status === 415) return 'COMMON.UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'COMMON.RATE_LIMITED';
  if (status >= 502 && status <= 504) return 'COMMON.UNAVAILABLE';
  return status >= 500 ? 'COMMON.INTERNAL' : 'COMMON.BAD_REQUEST';
}

/** An error answer (body as text or parsed) as an ApiError, like request() does. */
function errorFromBody(status: number, body: unknown): ApiError {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  if (parsed && typeof parsed === 'object' && typeof (parsed as { code?: unknown }).code === 'string') {
    const b = parsed as { code: string; message?: unknown; details?: unknown; requestId?: unknown };
    return new ApiError({
      code: isErrorCode(b.code) ? b.code : statusCode(status),
      status,
      message: typeof b.message === 'string' ? b.message : undefined,
      details: b.details,
      requestId: typeof b.requestId === 'string' ? b.requestId : undefined,
      serverCode: b.code,
    });
  }
  return new ApiError({ code: statusCode(status), status });
}

function networkError(cause: unknown): ApiError {
  return new ApiError({
    code: 'COMMON.UNAVAILABLE',
    status: 0,
    message: NETWORK_ERROR_MESSAGE,
    details: { cause: (cause as { errMsg?: string } | undefined)?.errMsg ?? String(cause) },
  });
}

function authHeader(): Record<string, string> {
  const token = getAccessToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * Runs a raw call with the current token; on 401 lets the request wrapper log in again (a cheap
 * GET /me does that) and tries once more.
 */
async function withAuthRetry<T>(
  call: () => Promise<{ status: number; body: unknown; value?: T }>,
): Promise<T> {
  let res = await call();
  if (res.status === 401) {
    await request({ path: '/me' }); // relogs in through the wrapper, or throws
    res = await call();
  }
  if (res.status >= 200 && res.status < 300) return res.value as T;
  throw errorFromBody(res.status, res.body);
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

export interface MultipartFile {
  /** weapp: the temp file path. */
  path: string;
  /** H5: the bytes. */
  blob?: Blob;
  name: string;
}

/** H5: POST `file` as multipart with fetch; parses the JSON answer. */
function postFileH5<T>(url: string, file: MultipartFile): Promise<T> {
  return withAuthRetry<T>(async () => {
    if (!file.blob) throw new ApiError({ code: 'COMMON.BAD_REQUEST', status: 0, message: '请重新选择文件' });
    const form = new FormData();
    form.append('file', file.blob, file.name);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), UPLOAD_TIMEOUT_MS);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { Accept: 'application/json', ...authHeader() },
        body: form,
        signal: controller.signal,
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body, value: body as T };
    } catch (error) {
      throw networkError(error);
    } finally {
      clearTimeout(timer);
    }
  });
}

/** weapp: Taro.uploadFile (`file` field); parses the JSON answer. */
function postFileWeapp<T>(url: string, file: MultipartFile): Promise<T> {
  return withAuthRetry<T>(async () => {
    try {
      const res = await Taro.uploadFile({
        url,
        filePath: file.path,
        name: 'file',
        header: { Accept: 'application/json', ...authHeader() },
        timeout: UPLOAD_TIMEOUT_MS,
      });
      let body: unknown = res.data;
      try {
        body = typeof res.data === 'string' && res.data ? JSON.parse(res.data) : res.data;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.statusCode, body, value: body as T };
    } catch (error) {
      throw networkError(error);
    }
  });
}

export const postFile: <T>(url: string, file: MultipartFile) => Promise<T> =
  process.env.TARO_ENV === 'h5' ? postFileH5 : postFileWeapp;

async function uploadImageH5(picked: PickedFile): Promise<UploadResponse> {
  if (!picked.file) throw new ApiError({ code: 'UPLOAD.UNSUPPORTED', status: 0 });
  const blob = await compressInBrowser(picked.file);
  const name = blob === picked.file ? picked.name : picked.name.replace(/\.\w+$/, '') + '.jpg';
  return postFile<UploadResponse>(buildUrl('/uploads'), { path: picked.path, blob, name });
}

async function uploadImageWeapp(picked: PickedFile): Promise<UploadResponse> {
  const path = await compressInWeapp(picked.path);
  return postFile<UploadResponse>(buildUrl('/uploads'), { path, name: 'photo.jpg' });
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

/** POST /units/:unitId/plans/import?date= — 400 PLAN.SHEET_INVALID (see sheetRowErrors) imports nothing. */
export function importUnitPlans(
  unitId: number,
  date: LocalDate,
  picked: PickedFile,
): Promise<BatchPlansView> {
  return postFile<BatchPlansView>(buildUrl(`/units/${unitId}/plans/import`, { date }), {
    path: picked.path,
    blob: picked.file,
    name: picked.name,
  });
}

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

/** H5: fetch with the token → blob → object URL → <a download>. */
async function downloadH5(url: string, fallbackName: string): Promise<void> {
  const { blob, name } = await withAuthRetry<{ blob: Blob; name: string }>(async () => {
    try {
      const res = await fetch(url, { headers: authHeader() });
      if (!res.ok) return { status: res.status, body: await res.text() };
      const blob = await res.blob();
      return {
        status: res.status,
        body: undefined,
        value: { blob, name: fileNameFrom(res.headers.get('content-disposition'), fallbackName) },
      };
    } catch (error) {
      throw networkError(error);
    }
  });
  const objectUrl = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = objectUrl;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}

/** weapp: Taro.downloadFile with the token, then WeChat's document viewer (its menu can forward it). */
async function downloadWeapp(url: string): Promise<void> {
  const filePath = await withAuthRetry<string>(async () => {
    try {
      const res = await Taro.downloadFile({ url, header: authHeader() });
      if (res.statusCode >= 200 && res.statusCode < 300) {
        return { status: res.statusCode, body: undefined, value: res.tempFilePath };
      }
      let body: unknown;
      try {
        body = Taro.getFileSystemManager().readFileSync(res.tempFilePath, 'utf8');
      } catch {
        body = undefined;
      }
      return { status: res.statusCode, body };
    } catch (error) {
      throw networkError(error);
    }
  });
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  } catch {
    throw new ApiError({
      code: 'COMMON.BAD_REQUEST',
      status: 0,
      message: '表格已下载，但无法打开，请确认微信已更新到最新版本',
    });
  }
}

export const downloadXlsx: (url: string, fallbackName: string) => Promise<void> =
  process.env.TARO_ENV === 'h5' ? downloadH5 : downloadWeapp;

/**
 * GET /units/:unitId/plans/template.xlsx?date= — the sheet to fill (with what is already there).
 * H5: saved by the browser. weapp: opened in WeChat's document viewer, whose menu can forward it
 * to a computer or another chat.
 */
export function downloadUnitTemplate(unitId: number, date: LocalDate): Promise<void> {
  return downloadXlsx(buildUrl(`/units/${unitId}/plans/template.xlsx`, { date }), `明日计划-${date}.xlsx`);
}
