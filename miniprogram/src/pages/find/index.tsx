import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro';
import { SEARCH_QUERY_MAX_LENGTH } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { getPopularMatters } from '@/api/find.api';
import { Page } from '@/components/Page';
import { VillagePicker, VillagePickerSheet } from '@/components/VillagePicker';
import { useLoad } from '@/hooks/useLoad';
import { setMyVillage, skipMyVillage, useMyVillage, type PlaceRef } from '@/hooks/useMyVillage';
import { takePendingQuery } from './handoff';
import { matterUrl, officialUrl, openPage, unitUrl } from './nav';
import { clearRecent, readRecent, rememberSearch } from './recent';
import { PopularChips, Results } from './Results';
import { normalizeQuery, useSearch } from './useSearch';
import './index.css';

// e2e/app-shell.e2e.mjs and e2e/find.e2e.mjs find the search box by this placeholder.
const SEARCH_PLACEHOLDER = '事项或姓名，如：低保、dibao';

export default function FindPage() {
  const my = useMyVillage();
  // A word asked from the first screen (askFind) is searched at once.
  // Or one sent by the server's static first screen (its form without the app: /find?q= →
  // #/pages/find/index?q=, server/src/h5-static.ts).
  const [keyword, setKeyword] = useState(() => takePendingQuery() ?? queryFromUrl());
  const [recent, setRecent] = useState<string[]>(readRecent);
  const [sheetOpen, setSheetOpen] = useState(false);
  const search = useSearch(keyword, my.unitId);
  // The resident's county's list (what its residents ask about), the default list until a village is set.
  const popular = useLoad(`matters|popular|${my.unitId ?? ''}`, () =>
    getPopularMatters(my.unitId ?? undefined),
  );
  const q = normalizeQuery(keyword);

  const remember = useCallback((word: string) => setRecent((list) => rememberSearch(list, word)), []);

  const openMatter = useCallback(
    (id: number) => {
      if (q) remember(q);
      openPage(matterUrl(id));
    },
    [q, remember],
  );
  const openOfficial = useCallback(
    (id: number) => {
      if (q) remember(q);
      openPage(officialUrl(id));
    },
    [q, remember],
  );
  const openPopular = useCallback((id: number) => openPage(matterUrl(id)), []);

  // The tab was already open: a word asked since (the first screen's search) replaces the old one.
  useDidShow(() => {
    const word = takePendingQuery();
    if (word) setKeyword(word);
  });

  const pick = (town: PlaceRef, village: PlaceRef | null) => {
    setMyVillage(town, village);
    setSheetOpen(false);
    void Taro.showToast({ title: `已选择${village?.name ?? town.name}`, icon: 'none', duration: 1500 });
  };

  useShareAppMessage(() => ({ title: '找人办事：办什么事，找哪位干部', path: '/pages/find/index' }));

  // First visit: ask for the village before anything else, unless the person is already typing.
  const askFirst = !my.asked && !q;

  return (
    <Page name="find" title="找人办事">
      <Text className="page__title">找人办事</Text>

      {askFirst ? (
        <View className="card find-question" data-testid="village-question">
          <Text className="find-question__title">您住在哪个村（社区）？</Text>
          <Text className="find-question__hint">选好后，优先显示为您村办事的干部，以及他们现在在不在。</Text>
          <VillagePicker value={my.place} onPick={pick} />
          <Button
            className="btn btn-secondary btn-block find-question__skip"
            data-testid="village-skip"
            onClick={skipMyVillage}
          >
            跳过，先在全县查找
          </Button>
        </View>
      ) : (
        <View
          className="find-village"
          data-testid="my-village"
          data-unit-id={my.unitId ? String(my.unitId) : ''}
        >
          <View className="find-village__row">
            <View className="find-village__info">
              <Text className="find-village__label">
                我的村：
                <Text className="find-village__name" data-testid="my-village-name">
                  {my.label || '未选择'}
                </Text>
              </Text>
              <Text className="find-village__town" data-testid="my-village-town">
                {my.place?.village ? my.place.town.name : my.place ? '只选了乡镇' : '现在在全县查找'}
              </Text>
            </View>
            <View
              className="find-village__change"
              role="button"
              data-testid="my-village-change"
              hoverClass="find-village__change--pressed"
              onClick={() => setSheetOpen(true)}
            >
              <Text>{my.place ? '更换' : '选择'}</Text>
            </View>
          </View>
          {my.place ? (
            <View
              className="find-village__link"
              role="button"
              data-testid="unit-link"
              hoverClass="find-village__link--pressed"
              onClick={() => openPage(unitUrl(my.unitId!))}
            >
              <Text>{my.place.village ? '村' : '镇'}里的人今天在哪 ›</Text>
            </View>
          ) : null}
        </View>
      )}

      <View className="find__search" data-testid="search-box">
        <Input
          className="find__input"
          type="text"
          confirmType="search"
          value={keyword}
          placeholder={SEARCH_PLACEHOLDER}
          placeholderClass="find__placeholder"
          maxlength={SEARCH_QUERY_MAX_LENGTH}
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => {
            if (q) remember(q);
          }}
        />
        {keyword ? (
          <View
            className="input-clear find__clear"
            role="button"
            aria-label="清除"
            data-testid="search-clear"
            onClick={() => setKeyword('')}
          >
            <Text>✕</Text>
          </View>
        ) : null}
      </View>

      {q ? (
        <Results
          view={search.view}
          placeLabel={my.label}
          popular={popular}
          onRetry={search.retry}
          onOpenMatter={openMatter}
          onOpenOfficial={openOfficial}
          onSearch={setKeyword}
        />
      ) : (
        <>
          {recent.length > 0 ? (
            <View className="find-section" data-testid="recent">
              <View className="find-section__head">
                <Text className="find-section__title">最近搜索</Text>
                <View
                  className="find-section__action"
                  role="button"
                  data-testid="recent-clear"
                  onClick={() => setRecent(clearRecent())}
                >
                  <Text>清除</Text>
                </View>
              </View>
              <View className="find-chips">
                {recent.map((word) => (
                  <View
                    key={word}
                    className="find-chip find-chip--recent"
                    role="button"
                    data-testid="recent-chip"
                    hoverClass="find-chip--pressed"
                    onClick={() => setKeyword(word)}
                  >
                    <Text>{word}</Text>
                  </View>
                ))}
              </View>
            </View>
          ) : null}
          <View className="find-section">
            <Text className="find-section__title">大家常办的事</Text>
            <PopularChips popular={popular} onOpen={openPopular} />
          </View>
        </>
      )}

      {sheetOpen ? (
        <VillagePickerSheet value={my.place} onPick={pick} onClose={() => setSheetOpen(false)} overTabBar />
      ) : null}
    </Page>
  );
}

/** H5: `q` in the page's address (the static first screen's search form), '' when absent. */
function queryFromUrl(): string {
  const q = Taro.getCurrentInstance().router?.params?.q;
  if (typeof q !== 'string') return '';
  try {
    return decodeURIComponent(q).trim();
  } catch {
    return q.trim();
  }
}
