/**
 * The first screen's data, put into index.html by the server (H5 only; server/src/h5-static.ts,
 * issue #15): GET /units (the county) and GET /today for the unit a first-time visitor sees, as a
 * JSON data block `<script id="jinri-boot" type="application/json">`. Each part is taken once, by
 * the first call that asks for exactly that answer, so the today page paints without waiting for
 * an API round trip; every later call (a refresh, another unit or day) goes to the network.
 * A copy older than MAX_AGE_MS (a page kept offline) is never used.
 */
import type { LocalDate, TodayResponse, UnitChildrenResponse } from '@jinri/shared';

export const BOOT_ELEMENT_ID = 'jinri-boot';
const MAX_AGE_MS = 5 * 60_000;

interface BootData {
  at: number;
  units?: UnitChildrenResponse;
  today?: { unitId: number; date: LocalDate | null; data: TodayResponse };
}

let boot: BootData | null | undefined;

function read(): BootData | null {
  if (boot !== undefined) return boot;
  boot = null;
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return boot;
  try {
    const text = document.getElementById(BOOT_ELEMENT_ID)?.textContent;
    const parsed = text ? (JSON.parse(text) as BootData) : null;
    if (parsed && typeof parsed.at === 'number' && Math.abs(Date.now() - parsed.at) < MAX_AGE_MS)
      boot = parsed;
  } catch {
    // A damaged block: load from the network as without it.
  }
  return boot;
}

/** GET /units (the county) from the page, once; null when absent or already taken. */
export function takeBootUnits(): UnitChildrenResponse | null {
  const data = read();
  const units = data?.units ?? null;
  if (data) delete data.units;
  return units;
}

/** GET /today for `unitId` on `date` from the page, once; null when absent, another unit or day, or taken. */
export function takeBootToday(unitId: number, date: LocalDate | undefined): TodayResponse | null {
  const data = read();
  const today = data?.today;
  if (!today || today.unitId !== unitId || (date !== undefined && today.data.date !== date)) return null;
  delete data.today;
  return today.data;
}

/** Tests only: forget what was read. */
export function resetBootForTests(): void {
  boot = undefined;
}
