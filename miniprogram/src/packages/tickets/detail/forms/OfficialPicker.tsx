/** 转办 / 指派: an official found by name (GET /search), chosen with one tap. */
import { Input, Text, View } from '@tarojs/components';
import type { OfficialRef } from '@jinri/shared';
import { useEffect, useState } from 'react';

import { searchDirectory } from '@/api/find.api';
import { toApiError } from '@/api/request';
import { onlyIf } from '@/utils/props';

const SEARCH_DELAY_MS = 400;
const PICK_LIMIT = 8;

/** An official found by name (GET /search), chosen with one tap. */
export function OfficialPicker({
  value,
  onChange,
  disabled,
}: {
  value: OfficialRef | null;
  onChange: (official: OfficialRef | null) => void;
  disabled: boolean;
}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ q: string; officials: OfficialRef[]; error: string | null } | null>(
    null,
  );
  const q = query.trim();

  useEffect(() => {
    if (!q) return;
    let active = true;
    const timer = setTimeout(() => {
      searchDirectory(q).then(
        (res) => {
          if (active) setFound({ q, officials: res.officials.slice(0, PICK_LIMIT), error: null });
        },
        (err: unknown) => {
          if (active) setFound({ q, officials: [], error: toApiError(err).message });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [q]);

  const shown = found && found.q === q ? found : null;
  return (
    <View data-testid="official-picker">
      <Input
        className="st-input"
        type="text"
        value={query}
        maxlength={20}
        placeholder="输入干部姓名或职务查找"
        placeholderClass="st-placeholder"
        disabled={onlyIf(disabled)}
        data-testid="official-search"
        onInput={(e) => setQuery(e.detail.value)}
      />
      {q && !shown ? <Text className="tk-meta">正在查找…</Text> : null}
      {shown?.error ? <Text className="st-field-error">{shown.error}</Text> : null}
      {shown && !shown.error && shown.officials.length === 0 ? (
        <Text className="tk-meta">没有找到“{q}”，换个名字或职务试试</Text>
      ) : null}
      {(shown?.officials ?? []).map((official) => {
        const on = value?.id === official.id;
        return (
          <View
            key={official.id}
            className={`tk-pick ${on ? 'tk-pick--on' : ''}`}
            role="radio"
            aria-checked={on}
            data-testid="official-option"
            data-official-id={String(official.id)}
            onClick={() => !disabled && onChange(on ? null : official)}
          >
            <View className="st-grow">
              <Text className="tk-pick__name">{official.name}</Text>
              <Text className="tk-pick__post">
                {official.post} · {official.unit.name}
              </Text>
            </View>
            <Text>{on ? '✓ 已选' : '选择'}</Text>
          </View>
        );
      })}
      {value && !(shown?.officials ?? []).some((o) => o.id === value.id) ? (
        <View className="tk-pick tk-pick--on" data-testid="official-chosen">
          <View className="st-grow">
            <Text className="tk-pick__name">{value.name}</Text>
            <Text className="tk-pick__post">
              {value.post} · {value.unit.name}
            </Text>
          </View>
          <Text>✓ 已选</Text>
        </View>
      ) : null}
    </View>
  );
}
