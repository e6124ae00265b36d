/**
 * The action forms of a ticket, each in a bottom sheet: 答复 (templates, draft kept per ticket),
 * 办结 (note, photos), 转办 / 指派 (an official found by name), 申请延期, 审批延期, 审核, 评价.
 * Every body carries the version the page shows; a stale one goes back to the page (`onStale`),
 * which reloads the ticket.
 */
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REPLY_TEMPLATES, TICKET_LIMITS, type OfficialRef, type TicketView } from '@jinri/shared';
import { useEffect, useState } from 'react';

import { searchDirectory } from '../../../api/find.api';
import { toApiError, type ApiError } from '../../../api/request';
import {
  assignTicket,
  decideExtension,
  moderateTicket,
  rateTicket,
  replyTicket,
  requestExtension,
  resolveTicket,
  transferTicket,
} from '../../../api/tickets.api';
import { readStored, useAutosave, writeStored } from '../../../hooks/useAutosave';
import { onlyIf } from '../../../utils/props';
import { formatDueDate } from '../../../utils/tickets';
import { draftKeys, isResolveDraft, isString, type ResolveDraft } from '../common/draft';
import { PhotoField } from '../common/PhotoField';
import { Sheet } from '../common/Sheet';

/** Answers that mean "the ticket moved on since you loaded it": reload instead of retrying. */
export function isStale(error: ApiError): boolean {
  return error.hasCode('TICKET.VERSION_CONFLICT') || error.hasCode('TICKET.INVALID_TRANSITION');
}

export interface ActionFormProps {
  ticket: TicketView;
  /** Saved: the page shows `updated` and says `toast`. */
  onDone: (updated: TicketView, toast: string) => void;
  onStale: (error: ApiError) => void;
  onClose: () => void;
}

/** Sending state of one form: busy, the error to show in it, and `run` for the call. */
function useSend(onDone: ActionFormProps['onDone'], onStale: ActionFormProps['onStale']) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<TicketView>, toast: string, afterSuccess?: () => void) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await call();
      afterSuccess?.();
      setBusy(false);
      onDone(updated, toast);
    } catch (err) {
      setBusy(false);
      const apiError = toApiError(err);
      if (isStale(apiError)) onStale(apiError);
      else setError(apiError.message);
    }
  };
  return { busy, error, setError, run };
}

/** A labelled text box with its character count (every reason, note and reply of the sheets). */
export function TextField({
  label,
  value,
  max,
  placeholder,
  busy,
  testId,
  onChange,
}: {
  label: string;
  value: string;
  max: number;
  placeholder?: string;
  busy: boolean;
  testId: string;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <View className="st-label-row">
        <Text className="st-label">{label}</Text>
        <Counter value={value} max={max} />
      </View>
      <Textarea
        className="st-textarea"
        value={value}
        maxlength={max}
        fixed
        autoHeight
        placeholder={placeholder}
        placeholderClass="st-placeholder"
        disabled={onlyIf(busy)}
        data-testid={testId}
        onInput={(e) => onChange(e.detail.value)}
      />
    </>
  );
}

export function FormError({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <View className="st-banner st-banner--danger" role="alert" data-testid="action-error">
      <Text className="st-banner__text">{text}</Text>
    </View>
  );
}

function Counter({ value, max }: { value: string; max: number }) {
  return (
    <Text className={`st-counter ${value.length > max ? 'st-counter--over' : ''}`}>
      {value.length}/{max}
    </Text>
  );
}

export function SubmitRow({
  busy,
  label,
  testId,
  onCancel,
  onSubmit,
  danger = false,
}: {
  busy: boolean;
  label: string;
  testId: string;
  onCancel: () => void;
  onSubmit: () => void;
  danger?: boolean;
}) {
  return (
    <View className="st-actions-row">
      <Button className="btn btn-secondary" disabled={onlyIf(busy)} onClick={onCancel}>
        取消
      </Button>
      <Button
        className={`btn ${danger ? 'btn-danger' : 'btn-primary'} ${busy ? 'btn-disabled' : ''}`}
        disabled={onlyIf(busy)}
        data-testid={testId}
        onClick={onSubmit}
      >
        {busy ? '正在提交…' : label}
      </Button>
    </View>
  );
}

// --- 答复 ---------------------------------------------------------------------------------

export function ReplyForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const key = draftKeys.reply(ticket.id);
  const [text, setText] = useState(() => readStored(key, isString) ?? '');
  const { busy, error, setError, run } = useSend(onDone, onStale);
  useAutosave(key, text.trim() ? text : null);

  const applyTemplate = async (template: string) => {
    if (text.trim() && text.trim() !== template) {
      const { confirm } = await Taro.showModal({
        title: '使用这条模板？',
        content: '已写的答复将被模板替换。',
        confirmText: '替换',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    setText(template);
    setError(null);
  };

  const submit = () => {
    const content = text.trim();
    if (!content) {
      setError('请填写答复内容，可以先选一条模板再修改');
      return;
    }
    void run(
      () => replyTicket(ticket.id, { version: ticket.version, content }),
      '已答复',
      () => writeStored(key, null),
    );
  };

  return (
    <Sheet title="答复群众" testId="sheet-reply" onClose={busy ? () => undefined : onClose}>
      <Text className="st-hint">选一条模板后可修改。草稿会自动保存，关掉也不会丢。</Text>
      <View className="tk-templates" data-testid="reply-templates">
        {REPLY_TEMPLATES.map((template, index) => (
          <View
            key={template}
            className="tk-template"
            role="button"
            hoverClass="tk-template--pressed"
            data-testid="reply-template"
            data-index={String(index)}
            onClick={() => void applyTemplate(template)}
          >
            <Text>{template}</Text>
          </View>
        ))}
      </View>
      <TextField
        label="答复内容"
        value={text}
        max={TICKET_LIMITS.replyMax}
        placeholder="写明已做了什么、还要做什么、何时有结果"
        busy={busy}
        testId="reply-content"
        onChange={(value) => setText(value)}
      />
      <FormError text={error} />
      <SubmitRow busy={busy} label="发送答复" testId="reply-submit" onCancel={onClose} onSubmit={submit} />
    </Sheet>
  );
}

// --- 办结 ---------------------------------------------------------------------------------

export function ResolveForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const key = draftKeys.resolve(ticket.id);
  const [draft, setDraft] = useState<ResolveDraft>(
    () => readStored(key, isResolveDraft) ?? { note: '', photos: [] },
  );
  const [uploading, setUploading] = useState(false);
  const { busy, error, setError, run } = useSend(onDone, onStale);
  useAutosave(key, draft.note.trim() || draft.photos.length ? draft : null);

  const submit = () => {
    const note = draft.note.trim();
    if (!note) {
      setError('请写明办理结果，群众会据此评价');
      return;
    }
    if (uploading) {
      setError('照片还在上传，请稍等');
      return;
    }
    void run(
      () =>
        resolveTicket(ticket.id, {
          version: ticket.version,
          note,
          photoIds: draft.photos.length ? draft.photos.map((p) => p.id) : undefined,
        }),
      '已办结',
      () => writeStored(key, null),
    );
  };

  return (
    <Sheet title="办结" testId="sheet-resolve" onClose={busy ? () => undefined : onClose}>
      <Text className="st-hint">办结后群众会收到通知并评价；不满意会退回重新办理。</Text>
      <TextField
        label="办理结果"
        value={draft.note}
        max={TICKET_LIMITS.replyMax}
        placeholder="如：已更换路灯 2 盏，经现场查看恢复照明"
        busy={busy}
        testId="resolve-note"
        onChange={(value) => setDraft((d) => ({ ...d, note: value }))}
      />
      <Text className="st-label">现场照片（可不附，最多 {TICKET_LIMITS.photosMax} 张）</Text>
      <PhotoField
        photos={draft.photos}
        max={TICKET_LIMITS.photosMax}
        disabled={busy}
        testId="resolve-photos"
        onBusyChange={setUploading}
        onAdd={(photo) => setDraft((d) => ({ ...d, photos: [...d.photos, photo] }))}
        onRemove={(id) => setDraft((d) => ({ ...d, photos: d.photos.filter((p) => p.id !== id) }))}
      />
      <FormError text={error} />
      <SubmitRow
        busy={busy || uploading}
        label="确认办结"
        testId="resolve-submit"
        onCancel={onClose}
        onSubmit={submit}
      />
    </Sheet>
  );
}

// --- 转办 / 指派 --------------------------------------------------------------------------

const SEARCH_DELAY_MS = 400;
const PICK_LIMIT = 8;

/** An official found by name (GET /search), chosen with one tap. */
function OfficialPicker({
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

export function TransferForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const [official, setOfficial] = useState<OfficialRef | null>(null);
  const [toQueue, setToQueue] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSend(onDone, onStale);
  const unit = ticket.assignee.unit;

  const submit = () => {
    const why = reason.trim();
    if (!official && !toQueue) {
      setError('请选择转给哪位干部，或退回督办');
      return;
    }
    if (!why) {
      setError('请填写转办原因');
      return;
    }
    void run(
      () =>
        transferTicket(ticket.id, {
          version: ticket.version,
          reason: why,
          ...(official && !toQueue ? { officialId: official.id } : { unitId: unit.id }),
        }),
      '已转办',
    );
  };

  return (
    <Sheet title="转办" testId="sheet-transfer" onClose={busy ? () => undefined : onClose}>
      <Text className="st-hint">不属于您办理的，转给负责的干部；不知道给谁，退回{unit.name}督办分派。</Text>
      <Text className="st-label">转给</Text>
      <OfficialPicker
        value={toQueue ? null : official}
        onChange={(o) => {
          setOfficial(o);
          if (o) setToQueue(false);
        }}
        disabled={busy}
      />
      <View
        className={`st-toggle ${toQueue ? 'st-toggle--on' : ''}`}
        role="switch"
        aria-checked={toQueue}
        data-testid="transfer-queue"
        onClick={() => !busy && setToQueue(!toQueue)}
      >
        <View className="st-toggle__box">
          <Text>{toQueue ? '✓' : ''}</Text>
        </View>
        <Text className="st-toggle__label">退回{unit.name}督办，由督办分派</Text>
      </View>
      <TextField
        label="转办原因"
        value={reason}
        max={TICKET_LIMITS.reasonMax}
        placeholder="如：该路段由交通局负责养护"
        busy={busy}
        testId="transfer-reason"
        onChange={(value) => setReason(value)}
      />
      <FormError text={error} />
      <SubmitRow busy={busy} label="确认转办" testId="transfer-submit" onCancel={onClose} onSubmit={submit} />
    </Sheet>
  );
}

export function AssignForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const [official, setOfficial] = useState<OfficialRef | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useSend(onDone, onStale);

  const submit = () => {
    if (!official) {
      setError('请选择办理的干部');
      return;
    }
    void run(
      () =>
        assignTicket(ticket.id, {
          version: ticket.version,
          officialId: official.id,
          note: note.trim() || undefined,
        }),
      '已指派',
    );
  };

  return (
    <Sheet title="指派办理人" testId="sheet-assign" onClose={busy ? () => undefined : onClose}>
      <Text className="st-label">办理的干部</Text>
      <OfficialPicker value={official} onChange={setOfficial} disabled={busy} />
      <TextField
        label="说明（可不填）"
        value={note}
        max={TICKET_LIMITS.reasonMax}
        placeholder="如：请三日内到现场核实"
        busy={busy}
        testId="assign-note"
        onChange={(value) => setNote(value)}
      />
      <FormError text={error} />
      <SubmitRow busy={busy} label="确认指派" testId="assign-submit" onCancel={onClose} onSubmit={submit} />
    </Sheet>
  );
}

// --- 延期 ---------------------------------------------------------------------------------

const DEFAULT_EXTENSION_DAYS = 3;

export function ExtensionForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const [days, setDays] = useState(DEFAULT_EXTENSION_DAYS);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSend(onDone, onStale);
  const max = TICKET_LIMITS.extensionDaysMax;

  const submit = () => {
    const why = reason.trim();
    if (!why) {
      setError('请填写延期理由');
      return;
    }
    void run(() => requestExtension(ticket.id, { version: ticket.version, reason: why, days }), '已申请延期');
  };

  const step = (delta: number) => !busy && setDays((d) => Math.min(max, Math.max(1, d + delta)));

  return (
    <Sheet title="申请延期" testId="sheet-extension" onClose={busy ? () => undefined : onClose}>
      <Text className="st-hint">
        现办结期限 {formatDueDate(ticket.dueAt)}。每条留言只能申请一次，须在期限前申请，由督办审批。
      </Text>
      <Text className="st-label">延长工作日</Text>
      <View className="tk-stepper" data-testid="extension-days" data-days={String(days)}>
        <View
          className={`tk-stepper__btn ${days <= 1 ? 'tk-stepper__btn--off' : ''}`}
          role="button"
          aria-label="减少一天"
          onClick={() => step(-1)}
        >
          <Text>−</Text>
        </View>
        <Text className="tk-stepper__value">{days} 天</Text>
        <View
          className={`tk-stepper__btn ${days >= max ? 'tk-stepper__btn--off' : ''}`}
          role="button"
          aria-label="增加一天"
          onClick={() => step(1)}
        >
          <Text>＋</Text>
        </View>
      </View>
      <TextField
        label="延期理由"
        value={reason}
        max={TICKET_LIMITS.reasonMax}
        placeholder="如：需等待供电公司排期施工"
        busy={busy}
        testId="extension-reason"
        onChange={(value) => setReason(value)}
      />
      <FormError text={error} />
      <SubmitRow
        busy={busy}
        label="提交申请"
        testId="extension-submit"
        onCancel={onClose}
        onSubmit={submit}
      />
    </Sheet>
  );
}

export function DecideExtensionForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const [note, setNote] = useState('');
  const { busy, error, run } = useSend(onDone, onStale);
  const ext = ticket.extension;

  const decide = (approve: boolean) =>
    void run(
      () => decideExtension(ticket.id, { version: ticket.version, approve, note: note.trim() || undefined }),
      approve ? '已同意延期' : '已不同意延期',
    );

  return (
    <Sheet title="审批延期申请" testId="sheet-decide-extension" onClose={busy ? () => undefined : onClose}>
      {ext ? (
        <Text className="st-hint">
          申请延长 {ext.days} 个工作日，至 {formatDueDate(ext.newDueAt)}。理由：{ext.reason}
        </Text>
      ) : null}
      <TextField
        label="审批意见（可不填）"
        value={note}
        max={TICKET_LIMITS.reasonMax}
        busy={busy}
        testId="decide-note"
        onChange={(value) => setNote(value)}
      />
      <FormError text={error} />
      <View className="st-actions-row">
        <Button
          className={`btn btn-danger ${busy ? 'btn-disabled' : ''}`}
          disabled={onlyIf(busy)}
          data-testid="decide-reject"
          onClick={() => decide(false)}
        >
          不同意
        </Button>
        <Button
          className={`btn btn-primary ${busy ? 'btn-disabled' : ''}`}
          disabled={onlyIf(busy)}
          data-testid="decide-approve"
          onClick={() => decide(true)}
        >
          {busy ? '正在提交…' : '同意延期'}
        </Button>
      </View>
    </Sheet>
  );
}

// --- 审核 ---------------------------------------------------------------------------------

export function ModerateForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const held = ticket.moderation === 'held';
  const [note, setNote] = useState('');
  const { busy, error, run } = useSend(onDone, onStale);

  const decide = async (decision: 'approve' | 'hide') => {
    if (decision === 'hide') {
      const { confirm } = await Taro.showModal({
        title: '屏蔽这条留言？',
        content: '屏蔽后不再公开显示，也不再办理。请确认内容确属不当。',
        confirmText: '屏蔽',
        confirmColor: '#b42318',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    await run(
      () => moderateTicket(ticket.id, { version: ticket.version, decision, note: note.trim() || undefined }),
      decision === 'hide' ? '已屏蔽' : '已通过审核',
    );
  };

  return (
    <Sheet
      title={held ? '审核留言' : '屏蔽留言'}
      testId="sheet-moderate"
      onClose={busy ? () => undefined : onClose}
    >
      <Text className="st-hint">
        {held
          ? '这条留言被系统暂缓公开。通过后按群众意愿公开；确属不当的可以屏蔽。'
          : '这条留言已通过内容检查。确属不当（辱骂、广告、违法信息）的可以屏蔽，屏蔽后不再公开，也不再办理。'}
      </Text>
      <TextField
        label="审核意见（可不填）"
        value={note}
        max={TICKET_LIMITS.reasonMax}
        busy={busy}
        testId="moderate-note"
        onChange={(value) => setNote(value)}
      />
      <FormError text={error} />
      <View className="st-actions-row">
        <Button
          className={`btn btn-danger ${busy ? 'btn-disabled' : ''}`}
          disabled={onlyIf(busy)}
          data-testid="moderate-hide"
          onClick={() => void decide('hide')}
        >
          屏蔽
        </Button>
        {held ? (
          <Button
            className={`btn btn-primary ${busy ? 'btn-disabled' : ''}`}
            disabled={onlyIf(busy)}
            data-testid="moderate-approve"
            onClick={() => void decide('approve')}
          >
            {busy ? '正在提交…' : '通过审核'}
          </Button>
        ) : null}
      </View>
    </Sheet>
  );
}

// --- 评价 ---------------------------------------------------------------------------------

export function RateForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSend(onDone, onStale);

  const submit = () => {
    if (satisfied === null) {
      setError('请选择满意或不满意');
      return;
    }
    const why = reason.trim();
    if (!satisfied && !why) {
      setError('请写下不满意的原因，干部会据此重新办理');
      return;
    }
    void run(
      () => rateTicket(ticket.id, { version: ticket.version, satisfied, reason: why || undefined }),
      satisfied ? '感谢您的评价' : ticket.reopenCount === 0 ? '已退回重新办理' : '已记录您的评价',
    );
  };

  const choose = (value: boolean) => {
    if (busy) return;
    setSatisfied(value);
    setError(null);
  };

  return (
    <Sheet title="评价办理结果" testId="sheet-rate" onClose={busy ? () => undefined : onClose}>
      <Text className="st-hint">
        {ticket.reopenCount === 0
          ? '选择“不满意”并写明原因，留言会退回重新办理一次。'
          : '已重新办理过一次，您的评价会如实记录。'}
      </Text>
      <View className="tk-choices">
        <View
          className={`tk-choice tk-choice--good ${satisfied === true ? 'tk-choice--on' : ''}`}
          role="radio"
          aria-checked={satisfied === true}
          data-testid="rate-satisfied"
          onClick={() => choose(true)}
        >
          <Text>满意</Text>
        </View>
        <View
          className={`tk-choice tk-choice--bad ${satisfied === false ? 'tk-choice--on' : ''}`}
          role="radio"
          aria-checked={satisfied === false}
          data-testid="rate-unsatisfied"
          onClick={() => choose(false)}
        >
          <Text>不满意</Text>
        </View>
      </View>
      {satisfied === false ? (
        <>
          <TextField
            label="不满意的原因（必填）"
            value={reason}
            max={TICKET_LIMITS.reasonMax}
            placeholder="如：路灯只修了一盏，另一盏还是不亮"
            busy={busy}
            testId="rate-reason"
            onChange={(value) => setReason(value)}
          />
        </>
      ) : null}
      <FormError text={error} />
      <SubmitRow busy={busy} label="提交评价" testId="rate-submit" onCancel={onClose} onSubmit={submit} />
    </Sheet>
  );
}
