/**
 * Which unit a supervision list or draft is about: the caller's scope (their supervisor or admin
 * grants) and the units right under it, as a row of choices. The notices and spot-check pages share
 * it. A county-wide grant (no unit) starts at the root of the directory.
 */
import { Text, View } from '@tarojs/components';
import type { MeResponse } from '@jinri/shared';

import { getUnitChildren } from '@/api/admin.api';
import { useLoad } from '@/hooks/useLoad';

export interface UnitRef {
  id: number;
  name: string;
}

/** The units of the caller's supervisor/admin grants; null in the list: the whole county. */
export function scopeGrantUnits(me: MeResponse): Array<UnitRef | null> {
  const seen = new Set<string>();
  const out: Array<UnitRef | null> = [];
  for (const g of me.grants) {
    if (g.role !== 'supervisor' && g.role !== 'admin') continue;
    const key = g.unit ? String(g.unit.id) : 'all';
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(g.unit ? { id: g.unit.id, name: g.unit.name } : null);
  }
  // The widest first: a county-wide grant before any unit.
  return out.sort((a, b) => (a === null ? -1 : b === null ? 1 : 0));
}

/** The choices: the scope's roots, then the units right under the first one (no duplicates). */
export function scopeChoices(roots: readonly UnitRef[], children: readonly UnitRef[]): UnitRef[] {
  const seen = new Set<number>();
  const out: UnitRef[] = [];
  for (const u of [...roots, ...children]) {
    if (seen.has(u.id)) continue;
    seen.add(u.id);
    out.push({ id: u.id, name: u.name });
  }
  return out;
}

/** The units to choose from (null while loading; a failed load falls back to the grants' units). */
export function useScopeUnits(me: MeResponse): UnitRef[] | null {
  const grants = scopeGrantUnits(me);
  const first = grants[0];
  const key = first === undefined ? null : `supervision-scope:${first === null ? 'all' : first.id}`;
  const { view } = useLoad(key, () => getUnitChildren(first ? first.id : undefined));
  const known = grants.filter((g): g is UnitRef => g !== null);
  if (first === undefined) return [];
  if (view.kind === 'loading') return first === null ? null : known;
  if (view.kind === 'error') return known;
  const root = { id: view.data.unit.id, name: view.data.unit.name };
  return scopeChoices(first === null ? [root, ...known] : known, view.data.children);
}

export function ScopePicker({
  units,
  value,
  onChange,
  testId = 'scope-picker',
}: {
  units: readonly UnitRef[];
  value: number | null;
  onChange: (unit: UnitRef) => void;
  testId?: string;
}) {
  if (units.length <= 1) return null;
  return (
    <View className="st-chips" role="radiogroup" aria-label="选择范围" data-testid={testId}>
      {units.map((u) => (
        <View
          key={u.id}
          className={`st-choice ${u.id === value ? 'st-choice--on' : ''}`}
          role="radio"
          aria-checked={u.id === value}
          data-testid="scope-unit"
          data-unit-id={String(u.id)}
          onClick={() => onChange(u)}
        >
          <Text>{u.name}</Text>
        </View>
      ))}
    </View>
  );
}
