/**
 * One plan entry being edited: when (a time, or 上午/下午/全天), kind, meeting name, place, what.
 * Used by the plan editor (an official's own plan) and the clerk's batch entry.
 */
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DAY_PERIOD_LABELS, type DayPeriod, type PlanWarning } from '@jinri/shared';

import { TextField } from '@/components/TextField';
import {
  MAX_PLACE_LENGTH,
  MAX_WHAT_LENGTH,
  MEETING_KIND,
  type DraftEntry,
  type EntryErrors,
} from './entries';

export interface EntryEditorProps {
  entry: DraftEntry;
  index: number;
  count: number;
  kinds: string[];
  meetingNames: string[];
  warnings?: PlanWarning[];
  errors?: EntryErrors;
  disabled?: boolean;
  onChange: (key: string, patch: Partial<DraftEntry>) => void;
  onRemove: (key: string) => void;
  onMove: (key: string, delta: -1 | 1) => void;
  /** Shown as 存为模板 when given. */
  onSaveTemplate?: (entry: DraftEntry) => void;
}

const PERIODS: DayPeriod[] = ['am', 'pm', 'allday'];
const DEFAULT_START = '08:30';

/** DOM id of an entry's card, to scroll to its first error. */
export const entryDomId = (key: string) => `entry-${key}`;

function isBlank(d: DraftEntry): boolean {
  return !d.what.trim() && !d.place.trim() && !d.kind && !d.startTime && d.period === null;
}

function plusHour(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return `${String(Math.min(h + 1, 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function EntryEditor({
  entry,
  index,
  count,
  kinds,
  meetingNames,
  warnings,
  errors,
  disabled,
  onChange,
  onRemove,
  onMove,
  onSaveTemplate,
}: EntryEditorProps) {
  const set = (patch: Partial<DraftEntry>) => {
    if (!disabled) onChange(entry.key, patch);
  };
  const byTime = entry.period === null;
  const meetingIndex = Math.max(0, meetingNames.indexOf(entry.meetingName));
  const timeError = errors?.time ?? errors?.startTime;

  const remove = async () => {
    if (disabled) return;
    if (!isBlank(entry)) {
      const { confirm } = await Taro.showModal({
        title: '删除这一项？',
        content: entry.what.trim()
          ? `“${entry.what.trim().slice(0, 40)}”将从日程中删除。`
          : '这一项将被删除。',
        confirmText: '删除',
        confirmColor: '#b42318',
        cancelText: '保留',
      });
      if (!confirm) return;
    }
    onRemove(entry.key);
  };

  return (
    <View
      id={entryDomId(entry.key)}
      className={`st-entry ${errors && Object.keys(errors).length > 0 ? 'st-entry--invalid' : ''}`}
      data-testid="entry-editor"
      data-index={String(index)}
    >
      <View className="st-entry__head">
        <Text className="st-entry__no">第 {index + 1} 项</Text>
        <View className="st-entry__moves">
          <View
            className={`st-icon-btn ${index === 0 || disabled ? 'st-icon-btn--off' : ''}`}
            role="button"
            aria-label="上移这一项"
            data-testid="entry-up"
            onClick={() => index > 0 && !disabled && onMove(entry.key, -1)}
          >
            <Text>上移</Text>
          </View>
          <View
            className={`st-icon-btn ${index === count - 1 || disabled ? 'st-icon-btn--off' : ''}`}
            role="button"
            aria-label="下移这一项"
            data-testid="entry-down"
            onClick={() => index < count - 1 && !disabled && onMove(entry.key, 1)}
          >
            <Text>下移</Text>
          </View>
        </View>
      </View>

      <Text className="st-label">时间</Text>
      <View className="st-seg st-seg--wrap" data-testid="entry-time-mode">
        <View
          className={`st-seg__item ${byTime ? 'st-seg__item--on' : ''}`}
          role="button"
          data-mode="time"
          onClick={() => set({ period: null })}
        >
          <Text>具体时间</Text>
        </View>
        {PERIODS.map((p) => (
          <View
            key={p}
            className={`st-seg__item ${entry.period === p ? 'st-seg__item--on' : ''}`}
            role="button"
            data-mode={p}
            onClick={() => set({ period: p, startTime: '', endTime: '' })}
          >
            <Text>{DAY_PERIOD_LABELS[p]}</Text>
          </View>
        ))}
      </View>
      {byTime ? (
        <View className="st-times">
          <TimeField
            caption="开始"
            time={entry.startTime}
            placeholder="请选择"
            pickerValue={entry.startTime || DEFAULT_START}
            invalid={!!timeError}
            disabled={!!disabled}
            testId="entry-start"
            onPick={(start) =>
              set({ startTime: start, ...(entry.endTime && entry.endTime <= start ? { endTime: '' } : {}) })
            }
          />
          <TimeField
            caption="结束"
            time={entry.endTime}
            placeholder="可不填"
            pickerValue={entry.endTime || (entry.startTime ? plusHour(entry.startTime) : '09:30')}
            invalid={!!errors?.endTime}
            disabled={!!disabled || !entry.startTime}
            testId="entry-end"
            onPick={(end) => set({ endTime: end })}
          />
          {entry.endTime ? (
            <View
              className="st-link-btn"
              role="button"
              data-testid="entry-end-clear"
              onClick={() => set({ endTime: '' })}
            >
              <Text>清除</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      <FieldError text={timeError ?? errors?.endTime} />

      <Text className="st-label">类别</Text>
      <View className="st-chips" data-testid="entry-kinds">
        {kinds.map((k) => (
          <View
            key={k}
            className={`st-choice ${entry.kind === k ? 'st-choice--on' : ''}`}
            role="button"
            aria-pressed={entry.kind === k}
            data-testid="entry-kind"
            data-kind={k}
            onClick={() => set({ kind: k, ...(k === MEETING_KIND ? {} : { meetingName: '' }) })}
          >
            <Text>{k}</Text>
          </View>
        ))}
      </View>
      <FieldError text={errors?.kind} />

      {entry.kind === MEETING_KIND && meetingNames.length > 0 ? (
        <>
          <Text className="st-label">会议名称</Text>
          <View className="st-times">
            <Picker
              mode="selector"
              range={meetingNames}
              value={meetingIndex}
              disabled={disabled || undefined}
              onChange={(e) => set({ meetingName: meetingNames[Number(e.detail.value)] ?? '' })}
              className="st-grow"
            >
              <View
                className={`st-field st-field--picker ${errors?.meetingName ? 'st-field--invalid' : ''}`}
                data-testid="entry-meeting"
              >
                <Text className={entry.meetingName ? 'st-field__value' : 'st-field__placeholder'}>
                  {entry.meetingName || '请选择会议名称（群众更易看懂）'}
                </Text>
              </View>
            </Picker>
          </View>
          <FieldError text={errors?.meetingName} />
        </>
      ) : null}

      <Text className="st-label">地点</Text>
      <Input
        className={`st-input ${errors?.place ? 'st-input--invalid' : ''}`}
        type="text"
        value={entry.place}
        maxlength={MAX_PLACE_LENGTH}
        placeholder="如：魏庄村、三楼会议室"
        placeholderClass="st-placeholder"
        disabled={disabled || undefined}
        data-testid="entry-place"
        onInput={(e) => set({ place: e.detail.value })}
      />
      <FieldError text={errors?.place} />

      <TextField
        label="工作内容"
        value={entry.what}
        max={MAX_WHAT_LENGTH}
        invalid={!!errors?.what}
        placeholder="写明做什么、在哪里、和谁，如：到魏庄村调度秋粮收购进度"
        disabled={!!disabled}
        testId="entry-what"
        onChange={(value) => set({ what: value })}
      />
      <FieldError text={errors?.what} />

      {warnings && warnings.length > 0 ? (
        <View className="st-warnings" data-testid="entry-warnings">
          {warnings.map((w) => (
            <View key={w.kind} className="st-warning" data-testid="entry-warning" data-kind={w.kind}>
              <Text className="st-warning__mark">提示</Text>
              <Text className="st-warning__text">
                {w.message}
                {w.similarTo ? `（当时写的是：${w.similarTo.what}）` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="st-entry__foot">
        {onSaveTemplate ? (
          <View
            className="st-link-btn"
            role="button"
            data-testid="entry-save-template"
            onClick={() => {
              if (!entry.what.trim()) {
                void Taro.showToast({ title: '请先填写工作内容', icon: 'none' });
                return;
              }
              onSaveTemplate(entry);
            }}
          >
            <Text>存为常用模板</Text>
          </View>
        ) : (
          <View />
        )}
        <View
          className={`st-link-btn st-link-btn--danger ${disabled ? 'st-icon-btn--off' : ''}`}
          role="button"
          data-testid="entry-remove"
          onClick={() => void remove()}
        >
          <Text>删除这一项</Text>
        </View>
      </View>
    </View>
  );
}

export function FieldError({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <View className="st-field-error" role="alert" data-testid="entry-error">
      <Text>{text}</Text>
    </View>
  );
}

interface TimeFieldProps {
  caption: string;
  /** The chosen time ('' = none yet: `placeholder` is shown). */
  time: string;
  placeholder: string;
  /** Where the time picker opens. */
  pickerValue: string;
  invalid: boolean;
  disabled: boolean;
  testId: string;
  onPick: (time: string) => void;
}

/** 开始 / 结束: a time picker shown as a field with its caption. */
function TimeField({
  caption,
  time,
  placeholder,
  pickerValue,
  invalid,
  disabled,
  testId,
  onPick,
}: TimeFieldProps) {
  return (
    <Picker
      mode="time"
      value={pickerValue}
      disabled={disabled || undefined}
      onChange={(e) => onPick(String(e.detail.value))}
      className="st-times__picker"
    >
      <View
        className={`st-field st-field--picker ${invalid ? 'st-field--invalid' : ''}`}
        data-testid={testId}
      >
        <Text className="st-field__caption">{caption}</Text>
        <Text className={time ? 'st-field__value' : 'st-field__placeholder'}>{time || placeholder}</Text>
      </View>
    </Picker>
  );
}
