/**
 * The resident's own village (and its town), remembered on the phone (Taro storage), so 找人办事
 * and the matter pages show who handles a matter for *their* village. One store for the whole app:
 * choosing on one page updates every page that shows it.
 *
 * Nothing is sent anywhere but as the `unitId` of public searches; a resident may skip the
 * question, and then search works county-wide.
 */
import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

export interface PlaceRef {
  id: number;
  name: string;
}

export interface MyVillage {
  town: PlaceRef;
  /** null: only the town was chosen (e.g. "not sure which village"). */
  village: PlaceRef | null;
}

interface State {
  place: MyVillage | null;
  /** Chose a place or said 跳过: do not ask again on its own. */
  asked: boolean;
}

const STORAGE_KEY = 'jinri.find.myVillage';

let state: State | null = null; // null: not read from storage yet
const listeners = new Set<() => void>();

function isPlace(value: unknown): value is PlaceRef {
  if (!value || typeof value !== 'object') return false;
  const v = value as { id?: unknown; name?: unknown };
  return typeof v.id === 'number' && Number.isInteger(v.id) && v.id > 0 && typeof v.name === 'string';
}

function readStorage(): State {
  try {
    const raw: unknown = Taro.getStorageSync(STORAGE_KEY);
    if (raw && typeof raw === 'object') {
      const v = raw as { town?: unknown; village?: unknown; skipped?: unknown };
      if (isPlace(v.town)) {
        return {
          place: { town: v.town, village: isPlace(v.village) ? v.village : null },
          asked: true,
        };
      }
      if (v.skipped === true) return { place: null, asked: true };
    }
  } catch {
    // Unreadable: ask again.
  }
  return { place: null, asked: false };
}

function getState(): State {
  state ??= readStorage();
  return state;
}

function update(next: State): void {
  state = next;
  try {
    if (next.place) Taro.setStorageSync(STORAGE_KEY, { ...next.place });
    else if (next.asked) Taro.setStorageSync(STORAGE_KEY, { skipped: true });
    else Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // Storage full or unavailable: the choice lasts for this run only.
  }
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Remember the resident's town and village (village null: the town only). */
export function setMyVillage(town: PlaceRef, village: PlaceRef | null): void {
  update({
    place: { town: { id: town.id, name: town.name }, village: village && { ...village } },
    asked: true,
  });
}

/**
 * 跳过 (search county-wide), or forget a place the server no longer knows. Either way the question
 * is not asked again on its own; the pages offer 选择 instead.
 */
export function skipMyVillage(): void {
  update({ place: null, asked: true });
}

export interface UseMyVillage extends State {
  /** The unit to search for: the village, else the town; undefined when none is chosen. */
  unitId: number | undefined;
  /** "石桥村", or the town's name when only the town was chosen; '' when none. */
  label: string;
}

export function useMyVillage(): UseMyVillage {
  const current = useSyncExternalStore(subscribe, getState, getState);
  const unit = current.place ? (current.place.village ?? current.place.town) : null;
  return { ...current, unitId: unit?.id, label: unit?.name ?? '' };
}
