/**
 * 督查记录: one finding for the supervisor — who, which day, what kind, what it rests on (依据, per
 * kind), the official's explanation (申辩) with photos, the decision, and its history. While open
 * or explained: 认定 in one tap, 撤销 in one tap plus the reason (a bottom sheet). Someone else's
 * decision in between (409) reloads the finding and says so.
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  FINDING_KIND_LABELS,
  FINDING_STATE_LABELS,
  type FindingDetail,
  type SupervisionEventView,
  SUPERVISION_LIMITS,
} from '@jinri/shared';
import { useCallback, useState } from 'react';

import { confirmFinding, dismissFinding, getFinding } from '@/api/findings.api';
import { toApiError } from '@/api/request';
import { BottomSheet } from '@/components/BottomSheet';
import { Chip } from '@/components/Chip';
import { usePhotoPreview } from '@/components/PhotoPreview';
import { ErrorCard, LoadingCard, NotFoundCard } from '@/components/StateCard';
import { TextField } from '@/components/TextField';
import { useLoad } from '@/hooks/useLoad';
import { formatDay, formatStamp } from '@/utils/date';
import { onlyIf } from '@/utils/props';
import { FINDING_STATE_TONES, supervisionUrls } from '@/packages/supervision/workbench/links';
import { RecordLink } from '@/packages/supervision/record/RecordLink';
import { Evidence } from './Evidence';

const ACTION_LABELS: Record<string, string> = {
  recorded: '发现问题',
  explained: '本人申辩',
  confirmed: '认定',
  dismissed: '撤销',
  cited: '写入通报',
};

/** Codes that mean someone else moved the finding on: reload and say so. */
const MOVED_ON = ['FINDING.VERSION_CONFLICT', 'FINDING.INVALID_TRANSITION'];

export function FindingScreen({ id }: { id: number }) {
  const { view, retry, refresh, setData } = useLoad(
    `sv-finding|${id}`,
    useCallback(() => getFinding(id), [id]),
    { cache: false },
  );
  const [busy, setBusy] = useState<'confirm' | 'dismiss' | null>(null);
  const [dismissing, setDismissing] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [preview, previewLayer] = usePhotoPreview();

  if (view.kind === 'loading') return <LoadingCard text="正在读取督查记录…" />;
  if (view.kind === 'error') {
    if (view.error.hasCode('FINDING.NOT_FOUND'))
      return (
        <NotFoundCard
          title="找不到这条督查记录"
          description="它可能不在您的督查范围内。"
          onBack={() => void Taro.navigateBack().catch(() => undefined)}
          testId="finding-not-found"
        />
      );
    return <ErrorCard error={view.error} onRetry={retry} title="督查记录读取失败" />;
  }
  const f = view.data;
  const decidable = f.state === 'open' || f.state === 'explained';

  const decide = async (action: 'confirm' | 'dismiss') => {
    if (busy) return;
    const text = note.trim();
    if (action === 'dismiss' && !text) {
      setNoteError('请写明撤销的理由，本人和日后查阅的人都会看到。');
      return;
    }
    setBusy(action);
    try {
      const updated: FindingDetail =
        action === 'confirm'
          ? await confirmFinding(f.id, f.version)
          : await dismissFinding(f.id, f.version, text);
      setData(updated);
      setDismissing(false);
      setNote('');
      void Taro.showToast({ title: action === 'confirm' ? '已认定' : '已撤销', icon: 'success' });
    } catch (err) {
      const error = toApiError(err);
      if (MOVED_ON.some((code) => error.hasCode(code))) {
        setDismissing(false);
        void Taro.showToast({ title: '这条记录刚被他人处理，已刷新', icon: 'none', duration: 3000 });
        void refresh();
      } else if (action === 'dismiss') {
        setNoteError(error.message);
      } else {
        void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
      }
    } finally {
      setBusy(null);
    }
  };

  const photos = f.explanation?.photos ?? [];
  return (
    <View className={decidable ? 'st-with-bar' : ''} data-testid="finding" data-state={f.state}>
      <View className="card">
        <View className="sv-card-head">
          <Text className="st-card-title st-grow">{FINDING_KIND_LABELS[f.kind]}</Text>
          <Chip tone={FINDING_STATE_TONES[f.state]} testId="finding-state">
            {FINDING_STATE_LABELS[f.state]}
          </Chip>
        </View>
        <View className="sv-field">
          <Text className="sv-field__label">干部</Text>
          <Text className="sv-field__value">
            {f.official.name}
            {f.official.post ? `（${f.official.post}）` : ''}
          </Text>
          <RecordLink officialId={f.officialId} />
        </View>
        <View className="sv-field">
          <Text className="sv-field__label">单位</Text>
          <Text className="sv-field__value">{f.unit.name}</Text>
        </View>
        <View className="sv-field">
          <Text className="sv-field__label">日期</Text>
          <Text className="sv-field__value">{formatDay(f.date)}</Text>
        </View>
      </View>

      <View className="card">
        <Text className="st-card-title">依据</Text>
        <Evidence evidence={f.evidence} />
      </View>

      <View className="card" data-testid="explanation">
        <Text className="st-card-title">本人申辩</Text>
        {f.explanation ? (
          <>
            <Text className="sv-quote" data-testid="explanation-text">
              {f.explanation.text}
            </Text>
            <Text className="st-hint">提交于 {formatStamp(f.explanation.at)}</Text>
            {photos.length ? (
              <View className="sv-photos">
                {photos.map((p, i) => (
                  <View
                    key={p.id}
                    role="button"
                    aria-label={`申辩照片 ${i + 1}`}
                    data-testid="explanation-photo"
                    onClick={() =>
                      preview(
                        photos.map((x) => x.url),
                        i,
                      )
                    }
                  >
                    <Image className="sv-photo" src={p.thumbUrl} mode="aspectFill" />
                  </View>
                ))}
              </View>
            ) : null}
          </>
        ) : (
          <Text className="st-hint" data-testid="explanation-none">
            {f.state === 'open'
              ? `本人尚未申辩，申辩截止 ${formatStamp(f.explainDueAt)}。`
              : '本人没有申辩。'}
          </Text>
        )}
      </View>

      {f.decision ? (
        <View className="card" data-testid="decision">
          <Text className="st-card-title">处理结果</Text>
          <Text className="sv-field__value">
            {f.decision.state === 'confirmed' ? '已认定' : '已撤销'}（{formatStamp(f.decision.at)}）
          </Text>
          {f.decision.note ? <Text className="sv-quote">{f.decision.note}</Text> : null}
          {f.notice ? (
            <View
              className="st-link-btn"
              role="button"
              data-testid="finding-notice"
              onClick={() =>
                void Taro.navigateTo({ url: supervisionUrls.notice(f.notice!.id) }).catch(() => undefined)
              }
            >
              <Text>已写入通报{f.notice.number ? ` ${f.notice.number}` : '（草稿）'} ›</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      <View className="card" data-testid="events">
        <Text className="st-card-title">经过</Text>
        {f.events.map((e) => (
          <EventLine key={e.id} event={e} />
        ))}
      </View>

      {decidable ? (
        <View className="st-bar">
          <Text className="st-bar__note">
            {f.state === 'explained' ? '本人已申辩，请核实后决定。' : '可直接认定，或写明理由后撤销。'}
          </Text>
          <View
            className={`btn btn-secondary st-bar__btn ${busy ? 'btn-disabled' : ''}`}
            role="button"
            data-testid="finding-dismiss"
            onClick={() => {
              if (busy) return;
              setNoteError(null);
              setDismissing(true);
            }}
          >
            <Text>撤销</Text>
          </View>
          <View
            className={`btn btn-primary st-bar__btn ${busy ? 'btn-disabled' : ''}`}
            role="button"
            data-testid="finding-confirm"
            aria-disabled={onlyIf(busy !== null)}
            onClick={() => void decide('confirm')}
          >
            <Text>{busy === 'confirm' ? '正在提交…' : '认定'}</Text>
          </View>
        </View>
      ) : null}

      {dismissing ? (
        <BottomSheet
          title="撤销这条记录"
          testId="dismiss-sheet"
          onClose={() => {
            if (!busy) setDismissing(false);
          }}
        >
          <View>
            <Text className="st-hint">
              撤销后不计入通报。请写明理由（如“当天在县里参加会议，有会议通知”）。
            </Text>
            <TextField
              label="撤销理由"
              value={note}
              max={SUPERVISION_LIMITS.noteMax}
              placeholder="写明核实的情况"
              testId="dismiss-note"
              invalid={noteError !== null}
              fixed
              onChange={(value) => {
                setNote(value);
                if (noteError) setNoteError(null);
              }}
            />
            {noteError ? (
              <View className="st-field-error" role="alert" data-testid="dismiss-error">
                <Text>{noteError}</Text>
              </View>
            ) : null}
            <View
              className={`btn btn-danger btn-block ${busy ? 'btn-disabled' : ''}`}
              role="button"
              data-testid="dismiss-submit"
              onClick={() => void decide('dismiss')}
            >
              <Text>{busy === 'dismiss' ? '正在提交…' : '确认撤销'}</Text>
            </View>
          </View>
        </BottomSheet>
      ) : null}
      {previewLayer}
    </View>
  );
}

function EventLine({ event: e }: { event: SupervisionEventView }) {
  return (
    <View className="sv-line" data-testid="event">
      <View className="st-grow">
        <Text className="sv-line__title">
          {ACTION_LABELS[e.action] ?? e.action} · {e.actor}
        </Text>
        {e.note ? <Text className="st-hint">{e.note}</Text> : null}
      </View>
      <Text className="sv-line__sub">{formatStamp(e.at)}</Text>
    </View>
  );
}
