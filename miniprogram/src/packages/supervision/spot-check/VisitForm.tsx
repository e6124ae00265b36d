/**
 * Recording one visit: when (today, default now), 找到 / 未找到, what was seen, photos, and the
 * phone's location if the supervisor allows it. After sending, says whether a finding was opened.
 * A failed send keeps everything typed.
 */
import { Button, Picker, Text, View } from '@tarojs/components';
import {
  SUPERVISION_LIMITS,
  type GeoPoint,
  type SpotCheckCandidate,
  type SpotCheckView,
} from '@jinri/shared';
import { useState } from 'react';

import { toApiError } from '@/api/request';
import { recordSpotCheck } from '@/api/spot-checks.api';
import { Banner } from '@/components/Banner';
import { PhotoField, type UploadedPhoto } from '@/components/PhotoField';
import { TextField } from '@/components/TextField';
import { localToday } from '@/utils/date';
import { SheetButtons, SheetForm } from '@/packages/supervision/mine/SheetForm';
import { clockNow, locate, outcomeText, plannedTime, visitInstant, visitTimeProblem } from './visit';

type Located =
  | { kind: 'off' }
  | { kind: 'locating' }
  | { kind: 'ok'; point: GeoPoint }
  | { kind: 'error'; message: string };

export function VisitForm({
  entry,
  sampleId,
  onRecorded,
  onClose,
}: {
  entry: SpotCheckCandidate;
  sampleId?: number;
  onRecorded: (check: SpotCheckView) => void;
  onClose: () => void;
}) {
  const today = localToday();
  const [time, setTime] = useState(() => clockNow());
  const [found, setFound] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [located, setLocated] = useState<Located>({ kind: 'off' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<SpotCheckView | null>(null);

  const addLocation = async () => {
    if (located.kind === 'locating') return;
    setLocated({ kind: 'locating' });
    try {
      setLocated({ kind: 'ok', point: await locate() });
    } catch (err) {
      setLocated({ kind: 'error', message: (err as Error).message || '暂时无法获取位置' });
    }
  };

  const submit = async () => {
    if (busy) return;
    const problem = visitTimeProblem(today, time, Date.now());
    if (problem) return setError(problem);
    if (found === null) return setError('请选择是否见到本人');
    const text = note.trim();
    if (!found && !text) return setError('未见到本人时，请写明现场情况（如：向村干部询问，称今天未来）');
    if (uploading) return setError('照片还在上传，请稍等');
    setBusy(true);
    setError(null);
    try {
      const check = await recordSpotCheck({
        entryId: entry.entryId,
        visitedAt: visitInstant(today, time)!,
        found,
        note: text || '现场见到本人',
        photoIds: photos.length ? photos.map((p) => p.id) : undefined,
        location: located.kind === 'ok' ? located.point : undefined,
        sampleId,
      });
      setBusy(false);
      setResult(check);
      onRecorded(check);
    } catch (err) {
      setBusy(false);
      setError(toApiError(err).message);
    }
  };

  if (result) {
    return (
      <SheetForm
        title="已记录抽查"
        testId="visit-result"
        busy={false}
        error={null}
        onClose={onClose}
        actions={
          <Button className="btn btn-primary btn-block" data-testid="visit-done" onClick={onClose}>
            完成
          </Button>
        }
      >
        <Banner
          tone={result.found ? 'success' : result.findingId !== null ? 'warning' : 'info'}
          testId="visit-outcome"
        >
          {outcomeText(result)}
        </Banner>
      </SheetForm>
    );
  }

  return (
    <SheetForm
      title="记录抽查"
      testId="visit"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SheetButtons
          busy={busy || uploading}
          label="保存记录"
          testId="visit-submit"
          onCancel={onClose}
          onSubmit={() => void submit()}
        />
      }
    >
      <Text className="st-item__title">
        {entry.official.name}（{entry.official.post}）
      </Text>
      <Text className="st-hint">
        {plannedTime(entry)} {entry.place ? `${entry.place} ` : ''}
        {entry.what}
      </Text>
      {entry.modifiedAt ? <Banner tone="info">日程已在公开后修改，请按修改后的内容核对。</Banner> : null}
      <Picker mode="time" value={time} onChange={(e) => setTime(String(e.detail.value))}>
        <View className="st-field" data-testid="visit-time">
          <Text className="st-field__caption">到访时间</Text>
          <Text className="st-field__value">今天 {time}</Text>
        </View>
      </Picker>
      <Text className="st-label">是否见到本人</Text>
      <View className="st-chips" role="radiogroup" aria-label="是否见到本人">
        {[
          { value: true, label: '找到' },
          { value: false, label: '未找到' },
        ].map((o) => (
          <View
            key={o.label}
            className={`st-choice ${found === o.value ? 'st-choice--on' : ''}`}
            role="radio"
            aria-checked={found === o.value}
            data-testid="visit-found"
            data-value={String(o.value)}
            onClick={() => !busy && setFound(o.value)}
          >
            <Text>{o.label}</Text>
          </View>
        ))}
      </View>
      <TextField
        fixed
        label={found === false ? '现场情况' : '现场情况（可不填）'}
        value={note}
        max={SUPERVISION_LIMITS.noteMax}
        placeholder="如：到村委会未见到本人，电话称在镇里开会"
        disabled={busy}
        testId="visit-note"
        onChange={setNote}
      />
      <Text className="st-label">现场照片（可不附，最多 {SUPERVISION_LIMITS.photosMax} 张）</Text>
      <PhotoField
        photos={photos}
        max={SUPERVISION_LIMITS.photosMax}
        disabled={busy}
        testId="visit-photos"
        onBusyChange={setUploading}
        onAdd={(p) => setPhotos((list) => [...list, p])}
        onRemove={(id) => setPhotos((list) => list.filter((p) => p.id !== id))}
      />
      <View className="st-label-row">
        <Text className="st-label st-grow">位置（仅督查可见，可不附）</Text>
        {located.kind === 'ok' ? (
          <View className="st-link-btn" role="button" onClick={() => setLocated({ kind: 'off' })}>
            <Text>不附位置</Text>
          </View>
        ) : (
          <View
            className="st-link-btn"
            role="button"
            data-testid="visit-locate"
            onClick={() => void addLocation()}
          >
            <Text>{located.kind === 'locating' ? '正在定位…' : '附上位置'}</Text>
          </View>
        )}
      </View>
      {located.kind === 'ok' ? (
        <Text className="st-hint" data-testid="visit-location">
          已附位置：{located.point.latitude.toFixed(5)}, {located.point.longitude.toFixed(5)}
        </Text>
      ) : null}
      {located.kind === 'error' ? (
        <Text className="st-hint" data-testid="visit-location">
          {located.message}，将不附位置保存。
        </Text>
      ) : null}
    </SheetForm>
  );
}
