/** One official on the batch page: name, state, and (opened) the entries to fill. */
import { Text, View } from '@tarojs/components';
import type { DayPlanView, JournalRules } from '@jinri/shared';
import { useMemo } from 'react';

import { Chip } from '@/components/Chip';
import { formatStamp } from '@/utils/date';
import { emptyEntry, type DraftEntry, type ErrorsByKey } from '../common/entries';
import { AddEntryButton, EntryList } from '../common/EntryList';
import type { Official, OfficialEdit } from './draft';

function planChip(plan: DayPlanView | null, onLeave: boolean) {
  if (onLeave) return <Chip tone="neutral">请假</Chip>;
  if (!plan || plan.status === 'draft' || !plan.entries.some((e) => e.status === 'active')) {
    return <Chip tone="warning">未填报</Chip>;
  }
  if (plan.status === 'published') return <Chip tone="success">已公示</Chip>;
  return plan.late ? <Chip tone="danger">逾期提交</Chip> : <Chip tone="info">已提交</Chip>;
}

interface OfficialCardProps {
  official: Official;
  date: string;
  rules: JournalRules;
  edit: OfficialEdit | undefined;
  dirty: boolean;
  open: boolean;
  errors: ErrorsByKey;
  officialError?: string;
  disabled: boolean;
  onToggle: () => void;
  onEntries: (update: (entries: DraftEntry[]) => DraftEntry[]) => void;
  onEntryEdited: (entryKey: string) => void;
}

export function OfficialCard({
  official,
  date,
  rules,
  edit,
  dirty,
  open,
  errors,
  officialError,
  disabled,
  onToggle,
  onEntries,
  onEntryEdited,
}: OfficialCardProps) {
  const entries = useMemo(() => edit?.entries ?? [], [edit]);
  const hasErrors = !!officialError || entries.some((e) => errors[e.key]);
  return (
    <View
      className={`card st-official ${hasErrors ? 'st-official--invalid' : ''}`}
      data-testid="batch-official"
      data-official-id={String(official.id)}
      data-on-leave={official.onLeave ? 'true' : 'false'}
    >
      <View className="st-official__head" role="button" aria-expanded={open} onClick={onToggle}>
        <View className="st-grow">
          <Text className="st-item__title">{official.name}</Text>
          <Text className="st-item__meta">
            {official.post}
            {!official.onLeave ? ` · ${entries.length} 项` : ''}
            {official.plan?.submittedAt ? ` · 提交于 ${formatStamp(official.plan.submittedAt)}` : ''}
          </Text>
        </View>
        {dirty ? <Chip tone="info">有修改</Chip> : null}
        {planChip(official.plan, official.onLeave)}
        <Text className="st-official__arrow">{open ? '收起' : '展开'}</Text>
      </View>
      {officialError ? (
        <View className="st-field-error" role="alert">
          <Text>{officialError}</Text>
        </View>
      ) : null}
      {open ? (
        official.onLeave ? (
          <Text className="st-hint" data-testid="batch-on-leave">
            该干部当天请假（已批准），无需填报，提交时会跳过。
          </Text>
        ) : (
          <OfficialEntries
            officialId={official.id}
            date={date}
            rules={rules}
            entries={entries}
            errors={errors}
            disabled={disabled}
            onEntries={onEntries}
            onEntryEdited={onEntryEdited}
          />
        )
      ) : null}
    </View>
  );
}

interface OfficialEntriesProps {
  officialId: number;
  date: string;
  rules: JournalRules;
  entries: DraftEntry[];
  errors: ErrorsByKey;
  disabled: boolean;
  onEntries: (update: (entries: DraftEntry[]) => DraftEntry[]) => void;
  onEntryEdited: (entryKey: string) => void;
}

/** The entries of one official, editable (mounted only while the card is open). */
function OfficialEntries({
  officialId,
  date,
  rules,
  entries,
  errors,
  disabled,
  onEntries,
  onEntryEdited,
}: OfficialEntriesProps) {
  return (
    <View className="st-official__body">
      {entries.length === 0 ? <Text className="st-hint">还没有填写，点下方“添加一项工作”。</Text> : null}
      <EntryList
        officialId={officialId}
        date={date}
        rules={rules}
        entries={entries}
        errors={errors}
        disabled={disabled}
        onChange={onEntries}
        onEdited={onEntryEdited}
      />
      <AddEntryButton
        count={entries.length}
        disabled={disabled}
        testId="batch-add-entry"
        onAdd={() => onEntries((list) => [...list, emptyEntry()])}
      />
    </View>
  );
}
