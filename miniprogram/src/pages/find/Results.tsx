import { Text, View } from '@tarojs/components';
import type { MatterSummaryWithCount, OfficialRef, SearchResponse } from '@jinri/shared';
import { memo } from 'react';

import { InlineError } from '@/components/InlineError';
import { LoadingState } from '@/components/LoadingState';
import { OfficialStatusLine } from '@/components/OfficialStatusLine';
import { ErrorCard } from '@/components/StateCard';
import type { Load } from '@/hooks/useLoad';
import type { SearchView } from './useSearch';

/** Everyday words the search understands, offered when nothing was found. */
const EXAMPLE_WORDS = ['盖房子', '看病报销'];

interface ResultsProps {
  view: SearchView;
  /** "石桥村" — whose handlers the matter cards show; '' when no village is chosen. */
  placeLabel: string;
  popular: Load<MatterSummaryWithCount[]>;
  onRetry: () => void;
  onOpenMatter: (id: number) => void;
  onOpenOfficial: (id: number) => void;
  onSearch: (word: string) => void;
}

/** What the search found: matters first (with who handles them and where they are), then officials. */
export function Results({
  view,
  placeLabel,
  popular,
  onRetry,
  onOpenMatter,
  onOpenOfficial,
  onSearch,
}: ResultsProps) {
  if (view.kind === 'idle') return null;

  if (view.kind === 'error') {
    return (
      <View className="find-results" data-testid="search-results" data-state="error">
        <ErrorCard title="没有查到结果" error={view.error} onRetry={onRetry} />
      </View>
    );
  }

  const data = view.kind === 'ok' ? view.data : view.previous;
  if (!data) {
    return (
      <View className="find-results" data-testid="search-results" data-state="loading">
        <LoadingState text="正在查找…" />
      </View>
    );
  }

  const pending = view.kind === 'loading';
  const empty = data.matters.length === 0 && data.officials.length === 0;
  const state = pending ? 'loading' : empty ? 'empty' : 'ok';
  return (
    <View
      className={`find-results ${pending ? 'find-results--pending' : ''}`}
      data-testid="search-results"
      data-state={state}
      data-q={data.q}
    >
      {pending ? <Text className="find-results__pending">正在查找…</Text> : null}
      {empty ? (
        <View className="card find-empty" data-testid="search-empty">
          <Text className="find-empty__title">没有找到相关事项，换个说法试试，比如</Text>
          <View className="find-chips">
            {EXAMPLE_WORDS.map((word) => (
              <View
                key={word}
                className="find-chip find-chip--word"
                role="button"
                data-testid="example-chip"
                hoverClass="find-chip--pressed"
                onClick={() => onSearch(word)}
              >
                <Text>「{word}」</Text>
              </View>
            ))}
          </View>
          <Text className="find-section__title find-empty__popular">大家常办的事</Text>
          <PopularChips popular={popular} onOpen={onOpenMatter} />
        </View>
      ) : null}

      {data.matters.length > 0 ? (
        <View className="find-section" data-testid="result-matters">
          <Text className="find-section__title">办事事项</Text>
          {data.matters.map((matter) => (
            <MatterCard key={matter.id} matter={matter} placeLabel={placeLabel} onOpen={onOpenMatter} />
          ))}
        </View>
      ) : null}

      {data.officials.length > 0 ? (
        <View className="find-section" data-testid="result-officials">
          <Text className="find-section__title">干部</Text>
          <View className="find-officials">
            {data.officials.map((official) => (
              <OfficialRow key={official.id} official={official} onOpen={onOpenOfficial} />
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}

interface MatterCardProps {
  matter: SearchResponse['matters'][number];
  placeLabel: string;
  onOpen: (id: number) => void;
}

/** One matter: its name, then who handles it for my village and whether they are in now. */
const MatterCard = memo(function MatterCard({ matter, placeLabel, onOpen }: MatterCardProps) {
  return (
    <View
      className="tile find-matter"
      role="button"
      data-testid="result-matter"
      data-matter-id={String(matter.id)}
      hoverClass="find-matter--pressed"
      onClick={() => onOpen(matter.id)}
    >
      <View className="find-matter__head">
        <Text className="find-matter__name" data-testid="result-matter-name">
          {matter.name}
        </Text>
        <Text className="find-matter__category">{matter.category}</Text>
      </View>
      <Text className="find-matter__department" data-testid="result-matter-department">
        主管部门：{matter.department.name}
      </Text>
      {matter.officials.length > 0 ? (
        <View className="find-matter__handlers">
          <Text className="find-matter__label">
            {placeLabel ? `为${placeLabel}办理的干部：` : '负责办理的干部：'}
          </Text>
          {matter.officials.map((official) => (
            <View
              key={official.id}
              className="find-handler"
              data-testid="result-handler"
              data-official-id={String(official.id)}
            >
              <Text className="find-handler__name">
                {official.name}
                <Text className="find-handler__post">
                  {' '}
                  {official.post} · {official.unit.name}
                </Text>
              </Text>
              <OfficialStatusLine status={official.status} />
            </View>
          ))}
        </View>
      ) : (
        <Text className="find-matter__label">点开查看去哪里办</Text>
      )}
      <Text className="find-matter__more">查看办理材料和办理地点 ›</Text>
    </View>
  );
});

interface OfficialRowProps {
  official: OfficialRef;
  onOpen: (id: number) => void;
}

const OfficialRow = memo(function OfficialRow({ official, onOpen }: OfficialRowProps) {
  return (
    <View
      className="find-official"
      role="button"
      data-testid="result-official"
      data-official-id={String(official.id)}
      hoverClass="find-official--pressed"
      onClick={() => onOpen(official.id)}
    >
      <View className="find-official__body">
        <Text className="find-official__name">{official.name}</Text>
        <Text className="find-official__post">
          {official.post} · {official.unit.name}
        </Text>
        <OfficialStatusLine status={official.status} />
      </View>
      <Text className="find-official__chevron">›</Text>
    </View>
  );
});

interface PopularChipsProps {
  popular: Load<MatterSummaryWithCount[]>;
  onOpen: (id: number) => void;
}

/** 大家常办的事 (GET /matters/popular) as big chips; a tap opens the matter. */
export function PopularChips({ popular, onOpen }: PopularChipsProps) {
  const { view } = popular;
  if (view.kind === 'loading') return <Text className="find-hint">正在加载…</Text>;
  if (view.kind === 'error') {
    return <InlineError text="没有加载出来" onRetry={popular.retry} />;
  }
  return (
    <View className="find-chips" data-testid="popular">
      {view.data.map((matter) => (
        <View
          key={matter.id}
          className="find-chip"
          role="button"
          data-testid="popular-chip"
          data-matter-id={String(matter.id)}
          hoverClass="find-chip--pressed"
          onClick={() => onOpen(matter.id)}
        >
          <Text>{matter.name}</Text>
        </View>
      ))}
    </View>
  );
}
