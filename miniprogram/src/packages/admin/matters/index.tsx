/** 事项管理: find a matter (search, or the popular list) and open it for editing; or add a new one. */
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';

import { getPopularMatters, searchMatters } from '@/api/admin.api';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { useLoad } from '@/hooks/useLoad';
import { StaffGate } from '@/components/StaffGate';
import { ListStates } from '@/components/StateCard';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/admin.css';

export default function MattersPage() {
  return (
    <Page name="admin-matters" title="事项管理">
      <StaffGate roles={['admin']} deniedText="只有管理员可以维护事项。">
        {() => <Matters />}
      </StaffGate>
    </Page>
  );
}

interface Row {
  id: number;
  name: string;
  category: string;
}

function Matters() {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const load = useCallback(
    (): Promise<Row[]> =>
      query ? searchMatters(query).then((res) => res.matters) : getPopularMatters().then((list) => list),
    [query],
  );
  const { view, retry } = useLoad(`admin:matters:${query}`, load, { cache: false });

  const open = (id?: number) =>
    void Taro.navigateTo({ url: `/packages/admin/matter-edit/index${id ? `?id=${id}` : ''}` });

  return (
    <>
      <Text className="st-hint">找到事项后可修改材料、办理地点，以及群众常说的叫法（同义词）。</Text>
      <View className="ad-search">
        <Input
          className="st-input"
          value={typed}
          maxlength={50}
          confirmType="search"
          placeholder="输入事项名称或群众的说法"
          placeholderClass="st-placeholder"
          data-testid="matter-search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setQuery(typed.trim())}
        />
        <View
          className="st-small-btn st-small-btn--primary"
          role="button"
          data-testid="matter-search-go"
          onClick={() => setQuery(typed.trim())}
        >
          <Text>搜索</Text>
        </View>
      </View>

      <View className="st-label-row">
        <Text className="st-section-title">{query ? `“${query}”的搜索结果` : '常办事项'}</Text>
        {query ? (
          <View
            className="st-link-btn"
            role="button"
            onClick={() => {
              setTyped('');
              setQuery('');
            }}
          >
            <Text>清除</Text>
          </View>
        ) : null}
      </View>

      <ListStates
        view={view}
        loadingText="正在查找事项…"
        errorTitle="事项读取失败"
        onRetry={retry}
        emptyTestId="matters-empty"
      >
        <EmptyState title="没有找到事项" description="换个说法试试，或新建一个事项。" />
      </ListStates>
      {view.kind === 'ok'
        ? view.data.map((m) => (
            <View
              key={m.id}
              className="st-item ad-row-btn"
              role="button"
              data-testid="matter-item"
              data-matter-id={String(m.id)}
              data-name={m.name}
              onClick={() => open(m.id)}
            >
              <View className="st-grow">
                <Text className="st-item__title">{m.name}</Text>
                <Text className="ad-member__meta">{m.category}</Text>
              </View>
              <Text className="ad-unit-row__arrow">编辑 ›</Text>
            </View>
          ))
        : null}

      <View
        className="btn btn-secondary ad-block ad-try"
        role="button"
        data-testid="matter-new"
        onClick={() => open()}
      >
        <Text>＋ 新建事项</Text>
      </View>
    </>
  );
}
