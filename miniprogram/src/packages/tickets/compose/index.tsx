/**
 * 我要留言: a comment on a published plan entry (?planEntryId=), an official (?officialId=) or a
 * matter (?matterId=), with `label=` saying what it is about. Kept as a draft on the phone until it
 * is sent; the draft's Idempotency-Key makes every retry the same request, so a retry after a
 * dropped network never creates a second ticket. Sent while the phone has no network, it goes into
 * the outbox (src/api/offline-outbox.ts) with that key and is sent when the network returns; the
 * page shows its state (待发送 → 发送中 → 已发送) live.
 */
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { TICKET_LIMITS, type SimilarTicket, type TicketCreated } from '@jinri/shared';
import { useEffect, useMemo, useState } from 'react';

import { getMatter } from '@/api/find.api';
import { getOfficial } from '@/api/journals.api';
import { isOnline, useOnline } from '@/api/offline';
import { enqueueComment } from '@/api/offline-outbox';
import { fieldProblems } from '@/api/error-details';
import { isNetworkError, toApiError } from '@/api/request';
import {
  createTicket,
  followTicket,
  getSimilarTickets,
  newIdempotencyKey,
  type TicketTargetRef,
} from '@/api/tickets.api';
import { NotFoundCard } from '@/components/StateCard';
import { Page } from '@/components/Page';
import { VillagePickerSheet } from '@/components/VillagePicker';
import { readStored, useAutosave, writeStored } from '@/hooks/useAutosave';
import { useLoad } from '@/hooks/useLoad';
import { setMyVillage, useMyVillage, type PlaceRef } from '@/hooks/useMyVillage';
import { useSession } from '@/hooks/useSession';
import { onlyIf } from '@/utils/props';
import { askSubscribe, prefetchSubscribeTemplates } from '@/utils/subscribe';
import { pageParam, ticketUrls } from '@/utils/tickets';
import {
  composeProblem,
  draftKeys,
  emptyComposeDraft,
  isComposeDraft,
  isEmptyComposeDraft,
  targetKey,
  type ComposeDraft,
} from '../common/draft';
import { PhotoField } from '@/components/PhotoField';
import { goToMe } from '@/components/StaffGate';
import { QueuedResult } from '../common/outbox';
import { ComposeResult } from './ComposeResult';
import { SimilarList } from './SimilarList';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/tickets.css';

/** Similar tickets are looked for once this much is typed, this long after the last key. */
const SIMILAR_MIN_CHARS = 10;
const SIMILAR_DELAY_MS = 700;

const NETWORK_DRAFT_MESSAGE = '网络不可用，已保存草稿，可稍后重试';

function parseId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

function parseTarget(params: Partial<Record<string, string>>): TicketTargetRef | null {
  const entry = parseId(params.planEntryId);
  if (entry !== null) return { planEntryId: entry };
  const official = parseId(params.officialId);
  if (official !== null) return { officialId: official };
  const matter = parseId(params.matterId);
  if (matter !== null) return { matterId: matter };
  return null;
}

export default function ComposePage() {
  const { params } = useRouter();
  const { planEntryId, officialId, matterId } = params;
  const target = useMemo(
    () => parseTarget({ planEntryId, officialId, matterId }),
    [planEntryId, officialId, matterId],
  );
  const label = pageParam(params.label);

  return (
    <Page name="ticket-compose" title="我要留言">
      {target ? (
        <Compose key={targetKey(target)} target={target} label={label} />
      ) : (
        <NotFoundCard
          title="不知道要给谁留言"
          description="请从干部主页、日程或事项页面点“留言”进入。"
          onBack={goBack}
        />
      )}
    </Page>
  );
}

function goBack() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/today/index' });
}

type Problem = {
  kind: 'invalid' | 'network' | 'login' | 'sent-before' | 'duplicate' | 'other';
  message: string;
};

function Compose({ target, label }: { target: TicketTargetRef; label: string }) {
  const storageKey = draftKeys.compose(target);
  const [draft, setDraft] = useState<ComposeDraft>(
    () => readStored(storageKey, isComposeDraft) ?? emptyComposeDraft(),
  );
  const [created, setCreated] = useState<TicketCreated | null>(null);
  /** Sent without a network: kept in the outbox under this key (its state is shown live). */
  const [queued, setQueued] = useState<string | null>(null);
  const online = useOnline();
  const [sending, setSending] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const session = useSession();
  const my = useMyVillage();

  const empty = isEmptyComposeDraft(draft);
  // Kept on the phone while there is something to keep; nothing once sent.
  useAutosave(created || queued ? null : storageKey, empty ? null : draft);

  const set = (patch: Partial<ComposeDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (problem?.kind === 'invalid') setProblem(null);
  };

  const similar = useSimilar(target, draft.content);
  useEffect(prefetchSubscribeTemplates, []);
  const [followed, setFollowed] = useState<ReadonlySet<number>>(() => new Set());
  const follow = async (id: number) => {
    try {
      await followTicket(id);
      setFollowed((f) => new Set([...f, id]));
      void Taro.showToast({ title: '已关注，办理结果会通知您', icon: 'none' });
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    }
  };

  const submit = async () => {
    if (sending || uploading) return;
    const invalid = composeProblem(draft);
    if (invalid) {
      setProblem({ kind: 'invalid', message: invalid });
      return;
    }
    if (session.status !== 'signedIn') {
      writeStored(storageKey, draft);
      setProblem({ kind: 'login', message: '请先登录再提交，写好的内容已保存在手机上。' });
      return;
    }
    // Still inside the tap: WeChat's "allow notices" dialog, so the reply can reach the resident.
    void askSubscribe('resident');
    setSending(true);
    setProblem(null);
    const phone = draft.contactPhone.replace(/[\s-]/g, '');
    const body = {
      ...target,
      unitId: my.unitId,
      content: draft.content.trim(),
      photoIds: draft.photos.length ? draft.photos.map((p) => p.id) : undefined,
      publicAllowed: draft.publicAllowed,
      contactPhone: phone || undefined,
    };
    try {
      const result = await createTicket(body, draft.idempotencyKey);
      writeStored(storageKey, null);
      setDraft(emptyComposeDraft());
      setCreated(result);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (err) {
      const error = toApiError(err);
      if (isNetworkError(error) && session.user && !isOnline()) {
        // The phone has no network: into the outbox with the same key, sent when the network
        // returns (the server answers the same ticket if this attempt did arrive after all).
        enqueueComment({
          key: draft.idempotencyKey,
          ownerId: session.user.id,
          body,
          label,
          photos: draft.photos,
        });
        writeStored(storageKey, null);
        setDraft(emptyComposeDraft());
        setQueued(draft.idempotencyKey);
      } else if (isNetworkError(error)) {
        // A network, but no answer: maybe it arrived, maybe not. Keep everything, and the same key
        // for 重新提交.
        writeStored(storageKey, draft);
        setProblem({ kind: 'network', message: NETWORK_DRAFT_MESSAGE });
      } else if (error.hasCode('TICKET.IDEMPOTENCY_KEY_REUSED')) {
        // The earlier attempt with this key did arrive, with other words. A new key lets this
        // text be sent as a ticket of its own if the person still wants to.
        setDraft((d) => ({ ...d, idempotencyKey: newIdempotencyKey() }));
        setProblem({
          kind: 'sent-before',
          message:
            '您上次提交的留言其实已经送达，可在“我的留言”中查看。如仍要提交现在的内容，请再点一次提交。',
        });
      } else if (error.hasCode('TICKET.DUPLICATE')) {
        setProblem({ kind: 'duplicate', message: error.message });
      } else {
        // A refused field says what to change ("这条留言太长了，请删到 1000 字以内"), not only "有误".
        const reasons = fieldProblems(error).flatMap((p) => p.reasons);
        setProblem({ kind: 'other', message: reasons.length ? reasons.join('；') : error.message });
      }
    } finally {
      setSending(false);
    }
  };

  const discard = async () => {
    if (sending) return;
    const { confirm } = await Taro.showModal({
      title: '清空这条留言？',
      content: '已写的内容、照片和电话将被删除，不能恢复。',
      confirmText: '清空',
      confirmColor: '#b42318',
      cancelText: '保留',
    });
    if (!confirm) return;
    writeStored(storageKey, null);
    setDraft(emptyComposeDraft());
    setProblem(null);
  };

  const pickVillage = (town: PlaceRef, village: PlaceRef | null) => {
    setMyVillage(town, village);
    setSheetOpen(false);
  };

  if (queued) {
    return (
      <QueuedResult
        itemKey={queued}
        userId={session.user?.id ?? null}
        onAnother={() => {
          setQueued(null);
          setProblem(null);
        }}
      />
    );
  }

  if (created) {
    return (
      <ComposeResult
        created={created}
        onAnother={() => {
          setCreated(null);
          setProblem(null);
        }}
      />
    );
  }

  const busy = sending || uploading;
  const length = draft.content.trim().length;

  return (
    <View
      className={problem ? 'tk-with-dock--tall' : 'st-with-bar'}
      data-testid="compose"
      data-target={targetKey(target)}
    >
      <TargetCard target={target} label={label} />
      {online ? null : (
        <View className="st-banner st-banner--warning" role="status" data-testid="compose-offline">
          <Text className="st-banner__text">
            现在没有网络：留言会先保存在手机上，联网后自动发送。照片要联网后才能添加。
          </Text>
        </View>
      )}

      <View className="card tk-form">
        <View className="st-label-row">
          <Text className="st-label">您要反映的问题</Text>
          <Text
            className={`st-counter ${draft.content.length > TICKET_LIMITS.contentMax ? 'st-counter--over' : ''}`}
            data-testid="compose-counter"
          >
            {draft.content.length}/{TICKET_LIMITS.contentMax}
          </Text>
        </View>
        <Textarea
          className="st-textarea st-textarea--tall"
          value={draft.content}
          maxlength={TICKET_LIMITS.contentMax}
          autoHeight
          placeholder="写清楚是什么事、在哪里、什么时候，如：石桥村东头路灯坏了一个月，晚上出行不便"
          placeholderClass="st-placeholder"
          disabled={onlyIf(sending)}
          data-testid="compose-content"
          onInput={(e) => set({ content: e.detail.value })}
        />
        {length > 0 && length < TICKET_LIMITS.contentMin ? (
          <Text className="tk-meta">
            还差 {TICKET_LIMITS.contentMin - length} 个字，请再写几句（至少 {TICKET_LIMITS.contentMin} 个字）
          </Text>
        ) : null}

        <SimilarList
          items={similar}
          followed={followed}
          onFollow={session.status === 'signedIn' ? (id) => void follow(id) : undefined}
        />

        <Text className="st-label">照片（可不附，最多 {TICKET_LIMITS.photosMax} 张）</Text>
        <PhotoField
          photos={draft.photos}
          max={TICKET_LIMITS.photosMax}
          disabled={sending}
          testId="compose-photos"
          onBusyChange={setUploading}
          onAdd={(photo) => setDraft((d) => ({ ...d, photos: [...d.photos, photo] }))}
          onRemove={(id) => setDraft((d) => ({ ...d, photos: d.photos.filter((p) => p.id !== id) }))}
        />

        <View
          className={`st-toggle ${draft.publicAllowed ? 'st-toggle--on' : ''}`}
          role="switch"
          aria-checked={draft.publicAllowed}
          data-testid="compose-public"
          data-on={draft.publicAllowed ? 'true' : 'false'}
          onClick={() => !sending && set({ publicAllowed: !draft.publicAllowed })}
        >
          <View className="st-toggle__box">
            <Text>{draft.publicAllowed ? '✓' : ''}</Text>
          </View>
          <View className="st-grow">
            <Text className="st-toggle__label">公开显示</Text>
            <Text className="st-toggle__hint">
              {draft.publicAllowed
                ? '督查室审核通过后（一般 1 个工作日内），留言和答复才会在干部主页公开，方便有同样问题的群众查看；审核期间照常办理。'
                : '不公开：只有您、办理的干部、督查室和管理员能看到。'}
            </Text>
          </View>
        </View>
        <Text className="tk-privacy">您的姓名和电话在任何情况下都不会公开。</Text>

        <Text className="st-label">联系电话（可不填）</Text>
        <Input
          className="st-input"
          type="number"
          value={draft.contactPhone}
          maxlength={12}
          placeholder="方便干部回电，不会公开"
          placeholderClass="st-placeholder"
          disabled={onlyIf(sending)}
          data-testid="compose-phone"
          onInput={(e) => set({ contactPhone: e.detail.value })}
        />

        <View className="tk-field">
          <Text className="tk-field__label">您所在的村</Text>
          <Text className="tk-field__value">{my.label || '未选择（选择后可交给为您村办理的干部）'}</Text>
          <View
            className="st-link-btn"
            role="button"
            data-testid="compose-village"
            onClick={() => setSheetOpen(true)}
          >
            <Text>{my.label ? '更换' : '选择'}</Text>
          </View>
        </View>

        {!empty ? (
          <View className="st-entry__foot">
            <Text className="tk-meta">内容会自动保存在手机上，下次打开可以接着写。</Text>
            <View
              className="st-link-btn st-link-btn--danger"
              role="button"
              data-testid="compose-discard"
              onClick={() => void discard()}
            >
              <Text>清空</Text>
            </View>
          </View>
        ) : null}
      </View>

      <View className="tk-dock">
        {problem ? <ProblemBanner problem={problem} /> : null}
        <Button
          className={`btn btn-primary ${busy ? 'btn-disabled' : ''}`}
          disabled={onlyIf(busy)}
          data-testid="compose-submit"
          onClick={() => void submit()}
        >
          {sending
            ? '正在提交…'
            : uploading
              ? '照片上传中…'
              : problem?.kind === 'network'
                ? '重新提交'
                : '提交留言'}
        </Button>
      </View>

      {sheetOpen ? (
        <VillagePickerSheet value={my.place} onPick={pickVillage} onClose={() => setSheetOpen(false)} />
      ) : null}
    </View>
  );
}

function ProblemBanner({ problem }: { problem: Problem }) {
  const tone = problem.kind === 'network' || problem.kind === 'sent-before' ? 'warning' : 'danger';
  return (
    <View
      className={`st-banner st-banner--${tone}`}
      role="alert"
      data-testid="compose-error"
      data-kind={problem.kind}
    >
      <Text className="st-banner__text">{problem.message}</Text>
      {problem.kind === 'login' ? (
        <Button className="st-small-btn st-small-btn--primary" onClick={goToMe}>
          去登录
        </Button>
      ) : null}
      {problem.kind === 'sent-before' || problem.kind === 'duplicate' ? (
        <Button className="st-small-btn" onClick={() => void Taro.navigateTo({ url: ticketUrls.mine() })}>
          查看我的留言
        </Button>
      ) : null}
    </View>
  );
}

/** What the comment is about: the label given, else the official's or the matter's name. */
function TargetCard({ target, label }: { target: TicketTargetRef; label: string }) {
  const officialId = 'officialId' in target ? target.officialId : null;
  const matterId = 'matterId' in target ? target.matterId : null;
  const official = useLoad(!label && officialId !== null ? `official|${officialId}` : null, () =>
    getOfficial(officialId!),
  );
  const matter = useLoad(!label && matterId !== null ? `matter|${matterId}|` : null, () =>
    getMatter(matterId!),
  );
  const name =
    label ||
    (official.view.kind === 'ok' ? official.view.data.name : '') ||
    (matter.view.kind === 'ok' ? matter.view.data.name : '');
  const kind = 'planEntryId' in target ? '干部日程' : officialId !== null ? '干部' : '办事事项';
  const loading = official.view.kind === 'loading' || matter.view.kind === 'loading';
  const fallback = 'planEntryId' in target ? '一项已公示的日程' : loading ? '正在读取…' : kind;
  return (
    <View className="card" data-testid="compose-target">
      <Text className="tk-meta">留言对象 · {kind}</Text>
      <Text className="st-card-title" data-testid="compose-target-name">
        {name || fallback}
      </Text>
      <Text className="tk-subtitle">留言会交给负责的干部限时办理，办结后请您评价。</Text>
    </View>
  );
}

/** GET /tickets/similar ~0.7 s after the last change, once enough is typed; failures are ignored. */
function useSimilar(target: TicketTargetRef, content: string): SimilarTicket[] {
  const text = content.trim();
  const key = targetKey(target);
  const [found, setFound] = useState<{ key: string; items: SimilarTicket[] } | null>(null);

  useEffect(() => {
    if (text.length < SIMILAR_MIN_CHARS) return;
    let active = true;
    const timer = setTimeout(() => {
      getSimilarTickets(target, text).then(
        (items) => {
          if (active) setFound({ key, items: Array.isArray(items) ? items : [] });
        },
        () => undefined, // suggestions never block writing
      );
    }, SIMILAR_DELAY_MS);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [key, target, text]);

  return found && found.key === key && text.length >= SIMILAR_MIN_CHARS ? found.items : [];
}
