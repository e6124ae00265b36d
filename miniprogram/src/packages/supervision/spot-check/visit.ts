/** The pure parts of recording a visit: its time, the candidate lines, the outcome sentence. */
import type { GeoPoint, LocalDate, SpotCheckCandidate, SpotCheckView } from '@jinri/shared';
import Taro from '@tarojs/taro';

import { formatClock, minutesOf } from '@/utils/date';

/** Today at "HH:mm" China time as an ISO instant (null when it is not a time). */
export function visitInstant(today: LocalDate, time: string): string | null {
  if (!/^\d{2}:\d{2}$/.test(time) || Number.isNaN(minutesOf(time))) return null;
  const t = Date.parse(`${today}T${time}:00+08:00`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Why the visit time cannot be sent ("" when it can). */
export function visitTimeProblem(today: LocalDate, time: string, now: number): string {
  const iso = visitInstant(today, time);
  if (!iso) return '请选择到访时间';
  return Date.parse(iso) > now ? '到访时间不能晚于现在' : '';
}

/** "09:00–11:30" / "上午" / "" : when the entry is planned. */
export function plannedTime(c: Pick<SpotCheckCandidate, 'startTime' | 'endTime' | 'period'>): string {
  if (c.startTime && c.endTime) return `${c.startTime}–${c.endTime}`;
  if (c.startTime) return `${c.startTime} 起`;
  return c.period ?? '';
}

/** The distinct places of the candidates (for the place filter), in name order. */
export function placesOf(candidates: readonly SpotCheckCandidate[]): Array<{ id: number; name: string }> {
  const byId = new Map<number, string>();
  for (const c of candidates) if (c.placeUnit) byId.set(c.placeUnit.id, c.placeUnit.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** What the record led to, for the supervisor. */
export function outcomeText(check: Pick<SpotCheckView, 'found' | 'findingId' | 'noFindingReason'>): string {
  if (check.found) return '现场见到本人，已记录。';
  if (check.findingId !== null) return '未见到本人，已开立“抽查不在岗”督查记录；干部可在 1 个工作日内申辩。';
  return `未见到本人，未开立督查记录${check.noFindingReason ? `：${check.noFindingReason}` : '。'}`;
}

/** "HH:mm" of now, China time (the visit time's default). */
export function clockNow(now: number = Date.now()): string {
  return formatClock(now);
}

/** Where the phone is: weapp Taro.getLocation (gcj02), H5 the browser's geolocation. May be refused. */
export function locate(): Promise<GeoPoint> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve, reject) => {
      if (typeof navigator === 'undefined' || !navigator.geolocation) {
        reject(new Error('此浏览器不能获取位置'));
        return;
      }
      navigator.geolocation.getCurrentPosition(
        (pos) => resolve({ latitude: pos.coords.latitude, longitude: pos.coords.longitude }),
        (err) =>
          reject(new Error(err.code === err.PERMISSION_DENIED ? '您没有允许获取位置' : '暂时无法获取位置')),
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
      );
    });
  }
  return Taro.getLocation({ type: 'gcj02' }).then(
    (res) => ({ latitude: res.latitude, longitude: res.longitude }),
    (err: { errMsg?: string }) => {
      throw new Error(
        /auth|deny|permission/i.test(err?.errMsg ?? '') ? '您没有允许获取位置' : '暂时无法获取位置',
      );
    },
  );
}
