/**
 * The entries of one plan, editable: each an EntryEditor with its vague-wording warnings (checked
 * while typing). Changes go out as updaters, so they apply to the latest list.
 */
import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { JournalRules } from '@jinri/shared';

import { onlyIf } from '@/utils/props';
import { EntryEditor, entryDomId } from './EntryEditor';
import { MAX_ENTRIES, type DraftEntry, type ErrorsByKey } from './entries';
import { usePlanCheck } from './hooks';

type Update = (entries: DraftEntry[]) => DraftEntry[];

interface EntryListProps {
  officialId: number;
  date: string;
  rules: JournalRules;
  entries: DraftEntry[];
  errors: ErrorsByKey;
  disabled: boolean;
  onChange: (update: Update) => void;
  /** An entry was edited (its errors may go). */
  onEdited?: (entryKey: string) => void;
  /** Shown as 存为模板 when given. */
  onSaveTemplate?: (entry: DraftEntry) => void;
}

export function EntryList({
  officialId,
  date,
  rules,
  entries,
  errors,
  disabled,
  onChange,
  onEdited,
  onSaveTemplate,
}: EntryListProps) {
  const warnings = usePlanCheck(officialId, date, entries);
  const patch = (entryKey: string, change: Partial<DraftEntry>) => {
    onChange((list) => list.map((e) => (e.key === entryKey ? { ...e, ...change } : e)));
    onEdited?.(entryKey);
  };
  const remove = (entryKey: string) => onChange((list) => list.filter((e) => e.key !== entryKey));
  const move = (entryKey: string, delta: -1 | 1) =>
    onChange((list) => {
      const i = list.findIndex((e) => e.key === entryKey);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= list.length) return list;
      const next = [...list];
      [next[i], next[j]] = [next[j], next[i]];
      return next;
    });
  return (
    <>
      {entries.map((entry, index) => (
        <EntryEditor
          key={entry.key}
          entry={entry}
          index={index}
          count={entries.length}
          kinds={rules.entryKinds}
          meetingNames={rules.meetingNames}
          warnings={warnings[entry.key]}
          errors={errors[entry.key]}
          disabled={disabled}
          onChange={patch}
          onRemove={remove}
          onMove={move}
          onSaveTemplate={onSaveTemplate}
        />
      ))}
    </>
  );
}

/** ＋ 添加一项工作, off once the day has MAX_ENTRIES. */
export function AddEntryButton({
  count,
  disabled,
  testId,
  className = '',
  onAdd,
}: {
  count: number;
  disabled: boolean;
  testId: string;
  className?: string;
  onAdd: () => void;
}) {
  const full = count >= MAX_ENTRIES;
  return (
    <Button
      className={['btn btn-secondary btn-block', className, full ? 'btn-disabled' : '']
        .filter(Boolean)
        .join(' ')}
      disabled={onlyIf(disabled || full)}
      data-testid={testId}
      onClick={onAdd}
    >
      ＋ 添加一项工作
    </Button>
  );
}

/** Scrolls the page to an entry's card (its first error, a new entry). */
export function scrollToEntry(entryKey: string, delayMs = 0): void {
  const go = () => {
    void Taro.pageScrollTo({ selector: `#${entryDomId(entryKey)}`, duration: 300 }).catch(() => undefined);
  };
  if (delayMs > 0) setTimeout(go, delayMs);
  else go();
}
