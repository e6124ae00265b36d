import Taro from '@tarojs/taro';

const UNIT_KEY = 'jinri.today.unitId';

/** The unit the reader last chose on 今日 (null: never chose; the first town is shown). */
export function readStoredUnitId(): number | null {
  try {
    const raw: unknown = Taro.getStorageSync(UNIT_KEY);
    const id = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

export function storeUnitId(id: number | null): void {
  try {
    if (id === null) Taro.removeStorageSync(UNIT_KEY);
    else Taro.setStorageSync(UNIT_KEY, String(id));
  } catch {
    // Storage full or unavailable: the choice lasts for this run only.
  }
}
