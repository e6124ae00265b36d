/**
 * The first screen's matter chips: drawn at once, before any answer. The county's popular list
 * (GET /matters/popular) as last seen is kept on the phone; on a first visit, everyday words the
 * search understands stand in.
 */
import Taro from '@tarojs/taro';

const STORAGE_KEY = 'jinri.today.popular';
/** Chips on the first screen: one or two rows at 360 px. */
export const CHIP_COUNT = 5;

export interface MatterChip {
  /** The matter (its page opens); absent for a word (找人办事 searches it). */
  id?: number;
  name: string;
}

/** The most asked matters before the server has answered once on this phone (words, not ids). */
export const DEFAULT_CHIPS: readonly MatterChip[] = [
  { name: '低保' },
  { name: '医保' },
  { name: '养老' },
  { name: '宅基地' },
  { name: '贷款' },
];

function isChip(value: unknown): value is Required<MatterChip> {
  if (!value || typeof value !== 'object') return false;
  const v = value as { id?: unknown; name?: unknown };
  return typeof v.id === 'number' && Number.isInteger(v.id) && typeof v.name === 'string' && v.name !== '';
}

/** The chips last seen, or the default words. */
export function readChips(): MatterChip[] {
  try {
    const raw: unknown = Taro.getStorageSync(STORAGE_KEY);
    if (Array.isArray(raw)) {
      const chips = raw.filter(isChip).slice(0, CHIP_COUNT);
      if (chips.length > 0) return chips;
    }
  } catch {
    // Unreadable: the defaults.
  }
  return [...DEFAULT_CHIPS];
}

/** The chips for the county's list (the default words when it is empty). */
export function chipsOf(matters: ReadonlyArray<{ id: number; name: string }>): MatterChip[] {
  const chips = matters.slice(0, CHIP_COUNT).map((m) => ({ id: m.id, name: m.name }));
  return chips.length > 0 ? chips : [...DEFAULT_CHIPS];
}

/** Keep the county's list for the next first paint (an empty list leaves the last one). */
export function storeChips(matters: ReadonlyArray<{ id: number; name: string }>): void {
  const chips = chipsOf(matters).filter((c) => c.id !== undefined);
  if (chips.length === 0) return;
  try {
    Taro.setStorageSync(STORAGE_KEY, chips);
  } catch {
    // Storage full: the list lasts for this run.
  }
}
