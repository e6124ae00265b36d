/**
 * 现场抽查: today's published entries of the scope (filter by place, search), 随机抽取 (a recorded,
 * reproducible draw: its seed and picks are shown), and recording a visit from any entry. Below,
 * the checks recorded, with what each led to. Supervisors and admins.
 */
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  APP_PAGES,
  type MeResponse,
  type SpotCheckCandidate,
  type SpotCheckSampleView,
  type SpotCheckView,
} from '@jinri/shared';
import { useCallback, useState } from 'react';

import { listSpotCheckCandidates, listSpotChecks } from '@/api/spot-checks.api';
import { Chip } from '@/components/Chip';
import { EmptyState } from '@/components/EmptyState';
import { FreshLine } from '@/components/FreshLine';
import { PagedMore } from '@/components/LoadMore';
import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { ListStates } from '@/components/StateCard';
import { useLoad } from '@/hooks/useLoad';
import { usePaged } from '@/hooks/usePaged';
import { useListRefresh } from '@/hooks/useShowAgain';
import { formatChineseDate, formatClock, formatStamp, localDateOf, localToday } from '@/utils/date';
import { ScopePicker, useScopeUnits, type UnitRef } from '@/packages/supervision/notices/scope';
import { SampleForm } from './SampleForm';
import { VisitForm } from './VisitForm';
import { outcomeText, placesOf, plannedTime } from './visit';
import '@/styles/kit.css';
import '@/styles/kit-form.css';

export default function SpotCheckPage() {
  return (
    <Page name="supervision-spot-check" title="现场抽查">
      <StaffGate roles={['supervisor', 'admin']} deniedText="只有督查室、管理员可以现场抽查。">
        {(me) => <SpotCheck me={me} />}
      </StaffGate>
    </Page>
  );
}

type Visit = { entry: SpotCheckCandidate; sampleId?: number } | null;

function SpotCheck({ me }: { me: MeResponse }) {
  const units = useScopeUnits(me);
  const [chosen, setChosen] = useState<UnitRef | null>(null);
  const unit = chosen ?? units?.[0] ?? null;
  const [placeId, setPlaceId] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const [places, setPlaces] = useState<Array<{ id: number; name: string }>>([]);
  const [sample, setSample] = useState<SpotCheckSampleView | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [visit, setVisit] = useState<Visit>(null);
  const today = localToday();

  const fetchCandidates = useCallback(
    () => listSpotCheckCandidates({ unitId: unit?.id, placeUnitId: placeId ?? undefined, q }),
    [unit?.id, placeId, q],
  );
  const candidates = useLoad(
    units === null ? null : `spot-candidates:${unit?.id ?? ''}:${placeId ?? ''}:${q}:${today}`,
    fetchCandidates,
    { cache: false },
  );
  const fetchChecks = useCallback(
    (page: number) => listSpotChecks({ unitId: unit?.id, from: today, to: today, page }),
    [unit?.id, today],
  );
  const checks = usePaged<SpotCheckView>(
    units === null ? null : `spot-checks:${unit?.id ?? ''}:${today}`,
    fetchChecks,
  );
  useListRefresh({ refresh: () => Promise.all([candidates.refresh(), checks.refresh()]) });

  // The place filter offers the places seen unfiltered (a filtered list would hide the others).
  const cview = candidates.view;
  const [placesFrom, setPlacesFrom] = useState<SpotCheckCandidate[] | null>(null);
  if (cview.kind === 'ok' && placeId === null && !q && placesFrom !== cview.data) {
    setPlacesFrom(cview.data);
    setPlaces(placesOf(cview.data));
  }

  const changeUnit = (u: UnitRef) => {
    setChosen(u);
    setPlaceId(null);
    setPlaces([]);
    setSample(null);
  };

  // Entries already visited today (from the checks loaded so far).
  const checkedEntryIds = new Set(
    checks.view.kind === 'ok'
      ? checks.view.items.filter((c) => localDateOf(c.visitedAt) === today).map((c) => c.entry.entryId)
      : [],
  );

  return (
    <>
      <ScopePicker units={units ?? []} value={unit?.id ?? null} onChange={changeUnit} />

      <View className="card" data-testid="spot-filters">
        <Text className="st-card-title">今天可抽查的日程</Text>
        <Text className="st-hint">
          {formatChineseDate()}，{unit ? unit.name : '您负责的范围'}已公开的日程。
        </Text>
        <View className="st-label-row">
          <Input
            className="st-input st-grow"
            value={query}
            confirmType="search"
            maxlength={50}
            placeholder="搜索姓名、地点或内容"
            data-testid="spot-search"
            onInput={(e) => setQuery(e.detail.value)}
            onConfirm={() => setQ(query.trim())}
          />
          <View
            className="st-small-btn"
            role="button"
            data-testid="spot-search-go"
            onClick={() => setQ(query.trim())}
          >
            <Text>搜索</Text>
          </View>
        </View>
        {places.length > 1 ? (
          <View className="st-chips" role="radiogroup" aria-label="地点" data-testid="spot-places">
            {[{ id: null as number | null, name: '全部地点' }, ...places].map((p) => (
              <View
                key={p.id ?? 'all'}
                className={`st-choice ${placeId === p.id ? 'st-choice--on' : ''}`}
                role="radio"
                aria-checked={placeId === p.id}
                data-testid="spot-place"
                onClick={() => setPlaceId(p.id)}
              >
                <Text>{p.name}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <Button
          className="btn btn-primary btn-block"
          data-testid="spot-draw"
          onClick={() => setDrawing(true)}
        >
          随机抽取
        </Button>
      </View>

      {sample ? (
        <View className="card" data-testid="spot-sample">
          <Text className="st-card-title">本次抽取（{formatClock(sample.drawnAt)}）</Text>
          <Text className="st-hint" data-testid="spot-sample-seed">
            随机种子：{sample.seed} · 从 {sample.candidateIds.length} 条中抽取 {sample.picked.length} 条
          </Text>
          {sample.picked.map((c) => (
            <CandidateRow
              key={c.entryId}
              candidate={c}
              checked={checkedEntryIds.has(c.entryId)}
              onOpen={() => setVisit({ entry: c, sampleId: sample.id })}
            />
          ))}
        </View>
      ) : null}

      {cview.kind === 'ok' ? (
        <FreshLine
          label="日程更新于"
          loadedAt={cview.loadedAt}
          updating={cview.updating}
          staleError={cview.staleError?.message ?? null}
          onRefresh={() => void candidates.refresh()}
        />
      ) : null}
      <ListStates
        view={cview}
        loadingText="正在读取今天的日程…"
        errorTitle="日程读取失败"
        onRetry={candidates.retry}
        emptyTestId="spot-candidates-empty"
      >
        <EmptyState
          title={q || placeId !== null ? '没有符合条件的日程' : '今天还没有已公开的日程'}
          description={q || placeId !== null ? '换个关键词或地点试试。' : '日程公开后即可抽查。'}
        />
      </ListStates>
      {cview.kind === 'ok' && cview.data.length ? (
        <View className="card" data-testid="spot-candidates">
          {cview.data.map((c) => (
            <CandidateRow
              key={c.entryId}
              candidate={c}
              checked={checkedEntryIds.has(c.entryId)}
              onOpen={() => setVisit({ entry: c })}
            />
          ))}
        </View>
      ) : null}

      <View className="card">
        <Text className="st-card-title">今天的抽查</Text>
      </View>
      <ListStates
        view={checks.view}
        loadingText="正在读取抽查记录…"
        errorTitle="抽查记录读取失败"
        onRetry={checks.retry}
        emptyTestId="spot-checks-empty"
      >
        <EmptyState title="今天还没有抽查" description="点上面的日程即可记录一次到访。" />
      </ListStates>
      {checks.view.kind === 'ok'
        ? checks.view.items.map((check) => <CheckRow key={check.id} check={check} today={today} />)
        : null}
      <PagedMore list={checks} testId="spot-checks-more" />

      {drawing ? (
        <SampleForm
          unitId={unit?.id}
          placeUnitId={placeId ?? undefined}
          candidates={cview.kind === 'ok' ? cview.data.length : 0}
          onDrawn={(s) => {
            setDrawing(false);
            setSample(s);
          }}
          onClose={() => setDrawing(false)}
        />
      ) : null}
      {visit ? (
        <VisitForm
          entry={visit.entry}
          sampleId={visit.sampleId}
          onRecorded={() => void checks.refresh()}
          onClose={() => setVisit(null)}
        />
      ) : null}
    </>
  );
}

function CandidateRow({
  candidate: c,
  checked,
  onOpen,
}: {
  candidate: SpotCheckCandidate;
  checked: boolean;
  onOpen: () => void;
}) {
  return (
    <View
      className="st-item"
      role="button"
      data-testid="spot-candidate"
      data-entry-id={String(c.entryId)}
      onClick={onOpen}
    >
      <View className="st-item__head">
        <Text className="st-item__title st-grow">
          {c.official.name}（{c.official.post}）
        </Text>
        {checked ? <Chip tone="info">已抽查</Chip> : null}
        {c.modifiedAt ? <Chip tone="warning">已修改 {formatClock(c.modifiedAt)}</Chip> : null}
      </View>
      <Text className="st-item__line">
        {plannedTime(c)} {c.place ? `${c.place} · ` : ''}
        {c.what}
      </Text>
      <Text className="st-item__meta">{c.unit.name} · 点此记录到访</Text>
    </View>
  );
}

function CheckRow({ check, today }: { check: SpotCheckView; today: string }) {
  return (
    <View className="card st-item" data-testid="spot-check-row" data-found={String(check.found)}>
      <View className="st-item__head">
        <Text className="st-item__title st-grow">
          {formatStamp(check.visitedAt, today)} {check.entry.official.name}
        </Text>
        {check.found ? <Chip tone="success">找到</Chip> : <Chip tone="danger">未找到</Chip>}
      </View>
      <Text className="st-item__line">
        {check.entry.place ? `${check.entry.place} · ` : ''}
        {check.entry.what}
      </Text>
      {check.note ? <Text className="st-item__meta">现场情况：{check.note}</Text> : null}
      <Text className="st-item__meta">{outcomeText(check)}</Text>
      {check.findingId !== null ? (
        <View className="st-item__actions">
          <View
            className="st-small-btn"
            role="button"
            data-testid="spot-check-finding"
            onClick={() =>
              void Taro.navigateTo({ url: `/${APP_PAGES.supervisionFinding}?id=${check.findingId}` })
            }
          >
            <Text>查看督查记录</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}
