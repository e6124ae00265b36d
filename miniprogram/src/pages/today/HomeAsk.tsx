/**
 * The first screen's question (issue #15): "who handles my matter for my village, and can I find
 * them now?". The search box, 我的村 and the common matters are drawn at once, from nothing the
 * server has to say; what needs the server (the county's popular list, who handles the top matters
 * for my village and where they are today) is asked only once `ready` (the today list has settled),
 * so the first paint never waits for it.
 */
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SEARCH_QUERY_MAX_LENGTH, type OfficialStatus, type PopularHandlers } from '@jinri/shared';
import { useEffect, useState } from 'react';

import { getPopularHandlers, getPopularMatters } from '@/api/find.api';
import { InlineError } from '@/components/InlineError';
import { statusTone } from '@/components/OfficialStatusLine';
import { VillagePickerSheet } from '@/components/VillagePicker';
import { useLoad } from '@/hooks/useLoad';
import { setMyVillage, useMyVillage, type PlaceRef } from '@/hooks/useMyVillage';
import { askFind } from '../find/handoff';
import { matterUrl, openPage } from '../find/nav';
import { chipsOf, readChips, storeChips, type MatterChip } from './popular';

// e2e/today.e2e.mjs finds the box by its test id. Short: the title above asks the question, and
// a longer example is cut off at 360 px.
export const HOME_SEARCH_PLACEHOLDER = '如：低保、盖房子';

/** Where an official is today, in the one word residents use (the mark says it without colour). */
export function presenceWord(status: OfficialStatus): string {
  switch (status.kind) {
    case 'in_office':
      return '在岗';
    case 'out':
      return status.place && /村|社区/.test(status.place) ? '下村' : '外出';
    case 'meeting':
      return '开会';
    case 'on_leave':
      return '请假';
    case 'no_plan':
      return '未公示';
    case 'off_hours':
    default:
      return '下班';
  }
}

const MARKS = { go: '✓', away: '✕', unknown: '?' } as const;

export const HOME_SEARCH_LABEL = '要办的事或干部姓名';

/**
 * A text box's accessible name: weapp reads `ariaLabel`; in H5 Taro's input is a custom element
 * around the real <input>, and only `nativeProps` reach that input (an aria-label on the wrapper
 * would name nothing).
 */
export function inputLabel(label: string): { ariaLabel: string } | { nativeProps: Record<string, string> } {
  return process.env.TARO_ENV === 'weapp' ? { ariaLabel: label } : { nativeProps: { 'aria-label': label } };
}

interface HomeAskProps {
  /** The today list has settled (shown or failed): the extra calls may start. */
  ready: boolean;
}

export function HomeAsk({ ready }: HomeAskProps) {
  const my = useMyVillage();
  const [keyword, setKeyword] = useState('');
  const [sheetOpen, setSheetOpen] = useState(false);
  const [storedChips] = useState<MatterChip[]>(readChips);

  const popular = useLoad(ready ? `matters|popular|${my.unitId ?? ''}` : null, () =>
    getPopularMatters(my.unitId),
  );
  const popularData = popular.view.kind === 'ok' ? popular.view.data : null;
  const chips = popularData ? chipsOf(popularData) : storedChips;
  // Kept for the next first paint.
  useEffect(() => {
    if (popularData) storeChips(popularData);
  }, [popularData]);

  const submit = () => askFind(keyword);
  const openChip = (chip: MatterChip) => {
    if (chip.id !== undefined) openPage(matterUrl(chip.id));
    else askFind(chip.name);
  };
  const pick = (town: PlaceRef, village: PlaceRef | null) => {
    setMyVillage(town, village);
    setSheetOpen(false);
    void Taro.showToast({ title: `已选择${village?.name ?? town.name}`, icon: 'none', duration: 1500 });
  };

  return (
    <View className="home-ask" role="search" aria-label="找人办事" data-testid="home-ask">
      <Text className="home-ask__title">办什么事？找谁办？</Text>

      <View
        className="home-village"
        data-testid="home-village"
        data-unit-id={my.unitId ? String(my.unitId) : ''}
      >
        <Text className="home-village__label">
          我的村：
          <Text className="home-village__name" data-testid="home-village-name">
            {my.label || '未选择'}
          </Text>
          {my.place?.village ? <Text className="home-village__town">（{my.place.town.name}）</Text> : null}
        </Text>
        <Button
          className="home-village__change"
          data-testid="home-village-change"
          onClick={() => setSheetOpen(true)}
        >
          {my.place ? '更换' : '选择我的村'}
        </Button>
      </View>

      <View className="home-ask__form">
        <Input
          className="home-ask__input"
          type="text"
          confirmType="search"
          value={keyword}
          placeholder={HOME_SEARCH_PLACEHOLDER}
          placeholderClass="home-ask__placeholder"
          maxlength={SEARCH_QUERY_MAX_LENGTH}
          {...inputLabel(HOME_SEARCH_LABEL)}
          data-testid="home-search"
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={submit}
        />
        <Button
          className="btn btn-primary home-ask__submit"
          data-testid="home-search-submit"
          onClick={submit}
        >
          查找
        </Button>
      </View>

      <View className="home-chips" role="group" aria-label="大家常办的事" data-testid="home-chips">
        {chips.map((chip) => (
          <Button
            key={chip.id ?? chip.name}
            className="home-chip"
            data-testid="home-chip"
            data-matter-id={chip.id === undefined ? '' : String(chip.id)}
            onClick={() => openChip(chip)}
          >
            {chip.name}
          </Button>
        ))}
      </View>

      {my.unitId !== undefined ? <VillageHandlers unitId={my.unitId} label={my.label} ready={ready} /> : null}

      {sheetOpen ? (
        <VillagePickerSheet value={my.place} onPick={pick} onClose={() => setSheetOpen(false)} overTabBar />
      ) : null}
    </View>
  );
}

interface VillageHandlersProps {
  unitId: number;
  label: string;
  ready: boolean;
}

/** For the top matters: who handles it for my village, and whether they are in today. */
function VillageHandlers({ unitId, label, ready }: VillageHandlersProps) {
  const load = useLoad<PopularHandlers>(ready ? `matters|handlers|${unitId}` : null, () =>
    getPopularHandlers(unitId),
  );
  const { view } = load;
  if (view.kind === 'ok' && view.data.length === 0) return null;
  return (
    <View className="home-handlers" data-testid="home-handlers" data-state={view.kind}>
      <Text className="home-handlers__title">为{label}办事的干部</Text>
      {view.kind === 'loading' ? <Text className="home-handlers__hint">正在查找…</Text> : null}
      {view.kind === 'error' ? (
        <InlineError
          text="网络不好，没有查到。请点“重试”"
          onRetry={load.retry}
          testId="home-handlers-error"
        />
      ) : null}
      {view.kind === 'ok'
        ? view.data.map((matter) => {
            const official = matter.officials[0];
            const tone = official ? statusTone(official.status.kind) : 'unknown';
            return (
              <Button
                key={matter.id}
                className="home-handler"
                data-testid="home-handler"
                data-matter-id={String(matter.id)}
                onClick={() => openPage(matterUrl(matter.id))}
              >
                <Text className="home-handler__matter">{matter.name}</Text>
                {official ? (
                  <Text className="home-handler__who">
                    <Text className="home-handler__name">{official.name}</Text>
                    <Text className="home-handler__post"> {official.post}</Text>
                    <Text
                      className={`home-presence home-presence--${tone}`}
                      data-testid="home-presence"
                      data-kind={official.status.kind}
                    >
                      {MARKS[tone]} {presenceWord(official.status)}
                    </Text>
                  </Text>
                ) : (
                  <Text className="home-handler__who">点开查看去哪里办</Text>
                )}
              </Button>
            );
          })
        : null}
    </View>
  );
}
