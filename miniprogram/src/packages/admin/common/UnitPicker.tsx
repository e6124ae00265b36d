/**
 * Drill-down unit picker for the admin pages: starts at the admin's own unit(s) (the grants with
 * role admin), walks down with GET /units?parentId=, and never goes above the admin's scope.
 */
import { Text, View } from '@tarojs/components';
import type { MeResponse, UnitSummary } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { getUnitChildren } from '@/api/admin.api';
import { LoadingState } from '@/components/LoadingState';
import { useLoad } from '@/hooks/useLoad';

export interface UnitRef {
  id: number;
  name: string;
}

const KIND_LABELS: Record<string, string> = {
  county: '县',
  town: '乡镇',
  village: '村',
  department: '部门',
  office: '科室',
};

/** The units the admin administers; null unit = the whole tree (then the root). */
export function adminRoots(me: MeResponse): Array<UnitRef | null> {
  const grants = me.grants.filter((g) => g.role === 'admin');
  if (grants.some((g) => g.unit === null)) return [null];
  return grants.map((g) => g.unit!);
}

interface UnitPickerProps {
  me: MeResponse;
  value: UnitRef | null;
  onChange: (unit: UnitRef) => void;
  /** e.g. "选择单位". */
  label: string;
  testId?: string;
}

/** The chosen unit on one big row; 更换 opens the drill-down. */
export function UnitPicker({ me, value, onChange, label, testId = 'unit-picker' }: UnitPickerProps) {
  const [open, setOpen] = useState(value === null);
  return (
    <View className="ad-unit-picker" data-testid={testId} data-unit-id={value ? String(value.id) : ''}>
      {value && !open ? (
        <View className="ad-unit-picker__chosen">
          <View className="st-grow">
            <Text className="ad-unit-picker__caption">{label}</Text>
            <Text className="ad-unit-picker__name" data-testid="unit-chosen">
              {value.name}
            </Text>
          </View>
          <View
            className="st-small-btn"
            role="button"
            data-testid="unit-change"
            onClick={() => setOpen(true)}
          >
            <Text>更换</Text>
          </View>
        </View>
      ) : (
        <UnitBrowser
          me={me}
          label={label}
          selectedId={value?.id ?? null}
          onPick={(unit) => {
            onChange(unit);
            setOpen(false);
          }}
          onCancel={value ? () => setOpen(false) : undefined}
        />
      )}
    </View>
  );
}

function UnitBrowser({
  me,
  label,
  selectedId,
  onPick,
  onCancel,
}: {
  me: MeResponse;
  label: string;
  selectedId: number | null;
  onPick: (unit: UnitRef) => void;
  onCancel?: () => void;
}) {
  const roots = adminRoots(me);
  const single = roots.length === 1 ? roots[0] : undefined;
  // undefined: the list of the admin's own units (several grants); null: the tree's root.
  const [at, setAt] = useState<number | null | undefined>(
    single === undefined ? undefined : (single?.id ?? null),
  );
  const load = useCallback(() => getUnitChildren(at ?? undefined), [at]);
  const { view, retry } = useLoad(at === undefined ? null : `units:${at ?? 'root'}`, load, { cache: false });
  const rootIds = new Set(roots.map((r) => r?.id ?? null));

  if (at === undefined) {
    return (
      <View className="ad-units" data-testid="unit-browser">
        <Text className="ad-unit-picker__caption">{label}：您管理的单位</Text>
        {roots.map((r) =>
          r ? (
            <UnitRow
              key={r.id}
              name={r.name}
              hasChildren
              onOpen={() => setAt(r.id)}
              onPick={() => onPick(r)}
            />
          ) : null,
        )}
      </View>
    );
  }

  // Breadcrumbs: only from the admin's own unit down (never above the scope).
  let crumbs: UnitSummary[] = [];
  if (view.kind === 'ok') {
    const path = [...view.data.ancestors, view.data.unit];
    const start = path.findIndex((u) => rootIds.has(u.id) || (rootIds.has(null) && u.parentId === null));
    crumbs = start >= 0 ? path.slice(start) : [view.data.unit];
  }

  return (
    <View className="ad-units" data-testid="unit-browser">
      <Text className="ad-unit-picker__caption">{label}</Text>
      {view.kind === 'loading' ? <LoadingState text="正在读取单位…" /> : null}
      {view.kind === 'error' ? (
        <View className="ad-units__error">
          <Text className="st-field-error">{view.error.message}</Text>
          <View className="st-small-btn" role="button" onClick={retry}>
            <Text>重试</Text>
          </View>
        </View>
      ) : null}
      {view.kind === 'ok' ? (
        <>
          <View className="ad-crumbs">
            {roots.length > 1 ? (
              <View className="ad-crumbs__item" role="button" onClick={() => setAt(undefined)}>
                <Text>全部 ›</Text>
              </View>
            ) : null}
            {crumbs.map((u, i) => (
              <View
                key={u.id}
                className={`ad-crumbs__item ${i === crumbs.length - 1 ? 'ad-crumbs__item--current' : ''}`}
                role="button"
                data-testid="unit-crumb"
                onClick={() => setAt(u.id)}
              >
                <Text>
                  {u.name}
                  {i < crumbs.length - 1 ? ' ›' : ''}
                </Text>
              </View>
            ))}
          </View>
          <View
            className={`ad-unit-row ad-unit-row--self ${selectedId === view.data.unit.id ? 'ad-unit-row--on' : ''}`}
            role="button"
            data-testid="unit-pick-current"
            onClick={() => onPick({ id: view.data.unit.id, name: view.data.unit.name })}
          >
            <Text className="st-grow">选择「{view.data.unit.name}」</Text>
            <Text className="ad-unit-row__mark">✓</Text>
          </View>
          {view.data.children.length === 0 ? <Text className="st-hint">没有下级单位。</Text> : null}
          {view.data.children.map((child) => (
            <UnitRow
              key={child.id}
              name={child.name}
              kind={KIND_LABELS[child.kind]}
              selected={selectedId === child.id}
              hasChildren={child.childCount > 0}
              onOpen={() => setAt(child.id)}
              onPick={() => onPick({ id: child.id, name: child.name })}
            />
          ))}
        </>
      ) : null}
      {onCancel ? (
        <View className="st-link-btn" role="button" data-testid="unit-cancel" onClick={onCancel}>
          <Text>取消</Text>
        </View>
      ) : null}
    </View>
  );
}

function UnitRow({
  name,
  kind,
  selected,
  hasChildren,
  onOpen,
  onPick,
}: {
  name: string;
  kind?: string;
  selected?: boolean;
  hasChildren: boolean;
  onOpen: () => void;
  onPick: () => void;
}) {
  return (
    <View
      className={`ad-unit-row ${selected ? 'ad-unit-row--on' : ''}`}
      data-testid="unit-option"
      data-name={name}
    >
      <View
        className="ad-unit-row__body"
        role="button"
        data-testid="unit-open"
        onClick={hasChildren ? onOpen : onPick}
      >
        <Text className="ad-unit-row__name">{name}</Text>
        {kind ? <Text className="ad-unit-row__kind">{kind}</Text> : null}
        {hasChildren ? <Text className="ad-unit-row__arrow">下级 ›</Text> : null}
      </View>
      <View className="st-small-btn" role="button" data-testid="unit-pick" onClick={onPick}>
        <Text>选择</Text>
      </View>
    </View>
  );
}
