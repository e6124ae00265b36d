/**
 * 督查记录 list: the findings of the scope, newest day first, a page at a time, filtered by kind,
 * state, unit and day (the workbench's numbers open it already filtered). Each row opens the
 * finding, where it is decided. Supervisors and admins.
 */
import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  FINDING_STATE_LABELS,
  FINDING_STATES,
  type FindingKind,
  type FindingState,
  type FindingView,
} from '@jinri/shared';
import { useCallback, useState } from 'react';

import { listFindings, type FindingsPage } from '@/api/findings.api';
import { Chip } from '@/components/Chip';
import { EmptyState } from '@/components/EmptyState';
import { PagedMore } from '@/components/LoadMore';
import { ListStates } from '@/components/StateCard';
import { usePaged } from '@/hooks/usePaged';
import { useListRefresh } from '@/hooks/useShowAgain';
import { formatDay, formatMonthDay, localToday } from '@/utils/date';
import {
  FINDING_STATE_TONES,
  type FindingsLink,
  supervisionUrls,
} from '@/packages/supervision/workbench/links';
import { RecordLink } from '@/packages/supervision/record/RecordLink';

/** The key of a filter (names the list in useLoad's cache). */
export function filterKey(f: FindingsLink): string {
  return [f.unitId ?? '', f.kind ?? '', f.state ?? '', f.date ?? ''].join('|');
}

export function Findings({ initial }: { initial: FindingsLink }) {
  const [filter, setFilter] = useState<FindingsLink>(initial);
  const set = (patch: Partial<FindingsLink>) => setFilter((f) => ({ ...f, ...patch }));
  const fetchPage = useCallback(
    (page: number) =>
      listFindings({
        unitId: filter.unitId,
        kind: filter.kind ? [filter.kind] : undefined,
        state: filter.state ? [filter.state] : undefined,
        from: filter.date,
        to: filter.date,
        page,
      }),
    [filter],
  );
  const list = usePaged<FindingView, FindingsPage>(`sv-findings|${filterKey(filter)}`, fetchPage);
  const { view } = list;
  // Back from a finding (decided): its state moved.
  useListRefresh(list);

  const choice = <T extends string>(
    testId: string,
    value: T | undefined,
    current: T | undefined,
    label: string,
    onPick: () => void,
  ) => {
    const on = value === current;
    return (
      <View
        key={value ?? 'all'}
        className={`st-choice ${on ? 'st-choice--on' : ''}`}
        role="button"
        aria-pressed={on}
        data-testid={testId}
        data-value={value ?? ''}
        onClick={() => !on && onPick()}
      >
        <Text>{label}</Text>
      </View>
    );
  };

  return (
    <View data-testid="findings" data-state={view.kind}>
      <View className="card sv-filters">
        <Text className="st-label">状态</Text>
        <View className="st-chips" data-testid="filter-state">
          {choice<FindingState>('filter-state-option', undefined, filter.state, '全部', () =>
            set({ state: undefined }),
          )}
          {FINDING_STATES.map((s) =>
            choice('filter-state-option', s, filter.state, FINDING_STATE_LABELS[s], () => set({ state: s })),
          )}
        </View>
        <Text className="st-label">类型</Text>
        <View className="st-chips" data-testid="filter-kind">
          {choice<FindingKind>('filter-kind-option', undefined, filter.kind, '全部', () =>
            set({ kind: undefined }),
          )}
          {FINDING_KINDS.map((k) =>
            choice('filter-kind-option', k, filter.kind, FINDING_KIND_LABELS[k], () => set({ kind: k })),
          )}
        </View>
        <View className="st-chips">
          <Picker
            mode="date"
            value={filter.date ?? localToday()}
            end={localToday()}
            onChange={(e) => set({ date: String(e.detail.value) })}
          >
            <View
              className={`st-choice ${filter.date ? 'st-choice--on' : ''}`}
              role="button"
              data-testid="filter-date"
            >
              <Text>{filter.date ? formatDay(filter.date) : '选择日期'}</Text>
            </View>
          </Picker>
          {filter.date ? (
            <View
              className="st-choice"
              role="button"
              data-testid="filter-date-clear"
              onClick={() => set({ date: undefined })}
            >
              <Text>全部日期</Text>
            </View>
          ) : null}
          {filter.unitId ? (
            <View
              className="st-choice st-choice--on"
              role="button"
              aria-label={`不再只看${filter.unitName ?? '该单位'}`}
              data-testid="filter-unit-clear"
              onClick={() => set({ unitId: undefined, unitName: undefined })}
            >
              <Text>{filter.unitName ?? '所选单位'} ✕</Text>
            </View>
          ) : null}
        </View>
      </View>

      <View className="st-day__sub">
        <Text className="st-hint st-grow" data-testid="findings-total">
          {view.kind === 'ok' ? `共 ${view.last.total} 条，最近的在前。` : ' '}
        </Text>
        <View
          className="st-link-btn"
          role="button"
          data-testid="findings-refresh"
          onClick={() => void list.refresh()}
        >
          <Text>{view.kind === 'ok' && view.updating ? '正在刷新…' : '刷新'}</Text>
        </View>
      </View>

      <ListStates
        view={view}
        loadingText="正在读取督查记录…"
        errorTitle="督查记录读取失败"
        onRetry={list.retry}
        emptyTestId="findings-empty"
      >
        <EmptyState title="没有符合条件的督查记录" description="换个条件试试，或选“全部”。" />
      </ListStates>
      {view.kind === 'ok' ? view.items.map((f) => <FindingRow key={f.id} finding={f} />) : null}
      <PagedMore list={list} testId="findings-more" />
    </View>
  );
}

function FindingRow({ finding: f }: { finding: FindingView }) {
  return (
    <View
      className="st-item"
      role="button"
      data-testid="finding-row"
      data-id={f.id}
      onClick={() => void Taro.navigateTo({ url: supervisionUrls.finding(f.id) }).catch(() => undefined)}
    >
      <View className="st-item__head">
        <Text className="st-item__title">
          {f.official.name} · {FINDING_KIND_LABELS[f.kind]}
        </Text>
        <RecordLink officialId={f.officialId} />
        <Chip tone={FINDING_STATE_TONES[f.state]}>{FINDING_STATE_LABELS[f.state]}</Chip>
      </View>
      <Text className="st-item__meta">
        {formatMonthDay(f.date)} · {f.unit.name}
        {f.official.post ? ` · ${f.official.post}` : ''}
      </Text>
      {f.explanation ? <Text className="st-item__line">申辩：{f.explanation.text}</Text> : null}
    </View>
  );
}
