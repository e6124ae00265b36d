import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { DEFAULT_RULES, type MatterDetail, type OfficialRef } from '@jinri/shared';
import { memo, useEffect, useState } from 'react';

import { getMatter } from '@/api/find.api';
import { getOfficial } from '@/api/journals.api';
import { FreshLine } from '@/components/FreshLine';
import { LoadingState } from '@/components/LoadingState';
import { OfficialNowAnswer, OfficialStatusLine } from '@/components/OfficialStatusLine';
import { OfflineBanner } from '@/components/OfflineBanner';
import { Page } from '@/components/Page';
import { ErrorCard, NotFoundCard } from '@/components/StateCard';
import { VillagePickerSheet } from '@/components/VillagePicker';
import { useLoad } from '@/hooks/useLoad';
import { setMyVillage, skipMyVillage, useMyVillage, type PlaceRef } from '@/hooks/useMyVillage';
import { ticketUrls } from '@/utils/tickets';
import { goBackOrFind, officialUrl, openPage, unitUrl } from '../find/nav';
import { dialable, formatOfficeHours, splitPlaces } from './format';
import './index.css';

/** Where people are changes through the day: coming back after this long reloads quietly. */
const STALE_MS = 2 * 60_000;

function parseId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export default function MatterPage() {
  const { params } = useRouter();
  const id = parseId(params.id);
  const my = useMyVillage();
  const [sheetOpen, setSheetOpen] = useState(false);
  const unitId = my.unitId;
  const matter = useLoad(id === null ? null : `matter|${id}|${unitId ?? ''}`, () => getMatter(id!, unitId));
  const view = matter.view;

  // The remembered village is gone from the directory (merged, renamed): forget it, show county-wide.
  const unitGone =
    view.kind === 'error' && unitId !== undefined && view.error.hasCode('DIRECTORY.UNIT_NOT_FOUND');
  useEffect(() => {
    if (!unitGone) return;
    skipMyVillage();
    void Taro.showToast({ title: '您选的村已调整，请重新选择', icon: 'none', duration: 2000 });
  }, [unitGone]);

  usePullDownRefresh(() => {
    void matter.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useDidShow(() => {
    if (view.kind === 'ok' && !view.updating && Date.now() - view.loadedAt > STALE_MS) void matter.refresh();
  });

  const name = view.kind === 'ok' ? view.data.name : '';
  useShareAppMessage(() => ({
    title: name ? `${name}：带什么材料、找谁办` : '找人办事',
    path: id === null ? '/pages/find/index' : `/pages/matter/index?id=${id}`,
  }));

  const pick = (town: PlaceRef, village: PlaceRef | null) => {
    setMyVillage(town, village);
    setSheetOpen(false);
  };

  if (id === null || (view.kind === 'error' && view.error.status === 404 && !unitGone)) {
    return (
      <Page name="matter" title="事项详情">
        <NotFoundCard
          title="没有找到这个事项"
          description="可能已调整，请回到“找人办事”重新搜索。"
          onBack={goBackOrFind}
        />
      </Page>
    );
  }

  return (
    <Page name="matter" title="事项详情">
      <View data-testid="matter" data-state={view.kind} data-matter-id={String(id)}>
        <OfflineBanner views={[view]} />
        {view.kind === 'loading' || unitGone ? (
          <View className="card">
            <LoadingState text="正在加载办事指南…" />
          </View>
        ) : null}
        {view.kind === 'error' && !unitGone ? (
          <ErrorCard title="办事指南没有加载出来" error={view.error} onRetry={matter.retry} />
        ) : null}
        {view.kind === 'ok' ? (
          <MatterView
            matter={view.data}
            placeLabel={my.label}
            hasPlace={my.place !== null}
            loadedAt={view.loadedAt}
            updating={view.updating}
            staleError={view.staleError?.message ?? null}
            onChangePlace={() => setSheetOpen(true)}
            onRefresh={() => void matter.refresh()}
          />
        ) : null}
      </View>
      {sheetOpen ? (
        <VillagePickerSheet value={my.place} onPick={pick} onClose={() => setSheetOpen(false)} />
      ) : null}
    </Page>
  );
}

interface MatterViewProps {
  matter: MatterDetail;
  placeLabel: string;
  hasPlace: boolean;
  loadedAt: number;
  updating: boolean;
  staleError: string | null;
  onChangePlace: () => void;
  onRefresh: () => void;
}

function MatterView({
  matter,
  placeLabel,
  hasPlace,
  loadedAt,
  updating,
  staleError,
  onChangePlace,
  onRefresh,
}: MatterViewProps) {
  const places = splitPlaces(matter.whereToGo);
  return (
    <>
      <View className="card matter-head">
        <Text className="matter-head__name" data-testid="matter-name">
          {matter.name}
        </Text>
        <View className="matter-head__meta">
          <Text className="matter-head__category">{matter.category}</Text>
          <Text className="matter-head__department">主管部门：{matter.department.name}</Text>
        </View>
      </View>

      <View className="card matter-section" data-testid="matter-officials">
        <View className="matter-section__head">
          <Text className="matter-section__title">
            {hasPlace ? `为您所在的 ${placeLabel} 办理的干部` : '负责办理的干部'}
          </Text>
          <View
            className="text-btn matter-section__action"
            role="button"
            data-testid="matter-change-village"
            onClick={onChangePlace}
          >
            <Text>{hasPlace ? '更换' : '选择村'}</Text>
          </View>
        </View>
        {!hasPlace ? (
          <View className="matter-pick" role="button" onClick={onChangePlace}>
            <Text className="matter-pick__text">选择您住的村（社区），就能看到为您村办理的干部 ›</Text>
          </View>
        ) : null}
        {matter.officials.length === 0 ? (
          <Text className="matter-note">暂未登记负责的干部，请按下方“去哪里办”前往办理。</Text>
        ) : (
          matter.officials.map((official) => <HandlerCard key={official.id} official={official} />)
        )}
        <FreshLine
          className="matter-fresh"
          label="以上去向更新于"
          loadedAt={loadedAt}
          updating={updating}
          staleError={staleError}
          onRefresh={onRefresh}
          refreshTestId="matter-refresh"
        />
      </View>

      <Materials materials={matter.materials} />

      <View className="card matter-section" data-testid="matter-where">
        <Text className="matter-section__title">去哪里办</Text>
        {places.map((place, index) => (
          <Text key={place} className="matter-place">
            {places.length > 1 ? <Text className="matter-place__no">{index + 1}. </Text> : null}
            {place}
          </Text>
        ))}
        <Text className="matter-section__title matter-section__title--sub">办理时间</Text>
        <Text className="matter-text" data-testid="matter-hours">
          {formatOfficeHours(matter.officeHours)}
        </Text>
      </View>

      {matter.legalBasis ? (
        <View className="card matter-section" data-testid="matter-basis">
          <Text className="matter-section__title">政策依据</Text>
          <Text className="matter-text">{matter.legalBasis}</Text>
        </View>
      ) : null}

      <Button
        className="btn btn-primary btn-block matter-ask"
        data-testid="matter-ask"
        onClick={() => openPage(ticketUrls.compose({ matterId: matter.id }, matter.name))}
      >
        我要留言/咨询
      </Button>
      <Text className="matter-note matter-ask__note" data-testid="matter-ask-note">
        留言会转给负责的干部，{matter.ackWorkingDays ?? DEFAULT_RULES.ticketAcknowledgeWorkingDays}
        个工作日内受理，{matter.resolveWorkingDays ?? DEFAULT_RULES.ticketResolveWorkingDays}
        个工作日内办结，可凭查询码查看进度。
      </Text>
    </>
  );
}

/** One official who handles the matter: who, whether a trip now finds them, and links. */
const HandlerCard = memo(function HandlerCard({ official }: { official: OfficialRef }) {
  return (
    <View
      className="matter-official"
      data-testid="matter-official"
      data-official-id={String(official.id)}
      data-kind={official.status.kind}
    >
      <View
        className="matter-official__who"
        role="button"
        hoverClass="matter-official__who--pressed"
        onClick={() => openPage(officialUrl(official.id))}
      >
        <View className="matter-official__names">
          <Text className="matter-official__name">{official.name}</Text>
          <Text className="matter-official__post">
            {official.post} · {official.unit.name}
          </Text>
        </View>
        <Text className="matter-official__chevron">›</Text>
      </View>
      <OfficialNowAnswer status={official.status} />
      {official.actingDeputy ? <DeputyRow deputy={official.actingDeputy} /> : null}
      {official.status.kind === 'no_plan' ? <CallButton officialId={official.id} /> : null}
      {official.unit.id > 0 ? (
        <View
          className="matter-official__unit"
          role="button"
          data-testid="matter-official-unit"
          hoverClass="matter-official__unit--pressed"
          onClick={() => openPage(unitUrl(official.unit.id))}
        >
          <Text>{official.unit.name}今天的人都在哪 ›</Text>
        </View>
      ) : null}
    </View>
  );
});

/** 代理: who stands in while the handler is on approved leave, and whether a trip now finds them. */
function DeputyRow({ deputy }: { deputy: NonNullable<OfficialRef['actingDeputy']> }) {
  return (
    <View
      className="matter-deputy"
      role="button"
      data-testid="matter-deputy"
      data-official-id={String(deputy.id)}
      hoverClass="matter-official__who--pressed"
      onClick={() => openPage(officialUrl(deputy.id))}
    >
      <Text className="matter-deputy__label">代理人</Text>
      <Text className="matter-official__name" data-testid="matter-deputy-name">
        {deputy.name}
      </Text>
      <Text className="matter-official__post">
        {deputy.post} · {deputy.unit.name}
      </Text>
      <OfficialStatusLine status={deputy.status} />
    </View>
  );
}

/** 拨打: only when the profile has a number the phone can dial (the public sees masked ones). */
function CallButton({ officialId }: { officialId: number }) {
  const profile = useLoad(`official|${officialId}`, () => getOfficial(officialId));
  const shown = profile.view.kind === 'ok' ? profile.view.data.phone : null;
  const phone = dialable(shown);
  if (!phone) return null;
  return (
    <Button
      className="btn btn-secondary btn-block matter-call"
      data-testid="matter-call"
      onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
    >
      拨打电话 {shown}
    </Button>
  );
}

/** 办理材料 as a checklist: tick each one off while getting ready (kept only while the page is open). */
function Materials({ materials }: { materials: string[] }) {
  const [ready, setReady] = useState<ReadonlySet<number>>(() => new Set());
  const toggle = (index: number) =>
    setReady((prev) => {
      const next = new Set(prev);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  return (
    <View className="card matter-section" data-testid="matter-materials">
      <View className="matter-section__head">
        <Text className="matter-section__title">办理材料</Text>
        {materials.length > 0 ? (
          <Text className="matter-materials__count">
            已备齐 {ready.size}/{materials.length}
          </Text>
        ) : null}
      </View>
      {materials.length === 0 ? (
        <Text className="matter-note">暂无材料清单，请先到窗口或打电话问清楚。</Text>
      ) : (
        <>
          <Text className="matter-materials__hint">出门前对照清单，备好一项点一下</Text>
          {materials.map((item, index) => {
            const checked = ready.has(index);
            return (
              <View
                key={`${index}-${item}`}
                className={`matter-material ${checked ? 'matter-material--checked' : ''}`}
                role="checkbox"
                aria-checked={checked}
                data-testid="matter-material"
                data-checked={checked ? 'true' : 'false'}
                onClick={() => toggle(index)}
              >
                <Text className="matter-material__box">{checked ? '✓' : ''}</Text>
                <Text className="matter-material__text">{item}</Text>
              </View>
            );
          })}
        </>
      )}
    </View>
  );
}
