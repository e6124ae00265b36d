/** 晒进展 / 晒结果 on one of today's entries: text, up to 9 photos, optionally where it was posted. */
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EntryUpdateKind, EntryUpdateView } from '@jinri/shared';
import { useRef, useState } from 'react';

import { toApiError } from '@/api/request';
import { postEntryUpdate } from '@/api/entry-updates.api';
import { onlyIf } from '@/utils/props';
import { readStored, storageKeys, useAutosave } from '../common/storage';
import { PhotoField, type UploadedPhoto } from '@/components/PhotoField';
import { Banner } from '@/components/Banner';

export const MAX_PHOTOS = 9;
const MAX_TEXT = 500;

export const UPDATE_KIND_LABELS: Record<EntryUpdateKind, string> = { progress: '进展', result: '结果' };

/** Kept on the phone until posted. (Location is not: it is fetched fresh each time.) */
interface PostDraft {
  text: string;
  photos: UploadedPhoto[];
}

function isPostDraft(v: unknown): v is PostDraft {
  const d = v as PostDraft | null;
  return (
    !!d &&
    typeof d.text === 'string' &&
    Array.isArray(d.photos) &&
    d.photos.every((p) => !!p && typeof p.id === 'string' && typeof p.thumbUrl === 'string')
  );
}

type LocationState =
  | { kind: 'off' }
  | { kind: 'locating' }
  | { kind: 'ok'; latitude: number; longitude: number }
  | { kind: 'error'; message: string };

/** Where the phone is: weapp Taro.getLocation (gcj02), H5 the browser's geolocation. */
function locate(): Promise<{ latitude: number; longitude: number }> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve, reject) => {
      if (typeof navigator === 'undefined' || !navigator.geolocation) {
        reject(new Error('此浏览器不能获取位置'));
        return;
      }
      navigator.geolocation.getCurrentPosition(
        (pos) => resolve({ latitude: pos.coords.latitude, longitude: pos.coords.longitude }),
        (err) =>
          reject(new Error(err.code === err.PERMISSION_DENIED ? '您没有允许获取位置' : '暂时无法获取位置')),
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
      );
    });
  }
  return Taro.getLocation({ type: 'gcj02' }).then(
    (res) => ({ latitude: res.latitude, longitude: res.longitude }),
    (err: { errMsg?: string }) => {
      throw new Error(
        /auth|deny|permission/i.test(err?.errMsg ?? '') ? '您没有允许获取位置' : '暂时无法获取位置',
      );
    },
  );
}

interface EntryUpdateFormProps {
  entryId: number;
  kind: EntryUpdateKind;
  onPosted: (update: EntryUpdateView) => void;
  onClose: () => void;
}

export function EntryUpdateForm({ entryId, kind, onPosted, onClose }: EntryUpdateFormProps) {
  const draftKey = storageKeys.postDraft(entryId, kind);
  const [draft, setDraft] = useState<PostDraft>(
    () => readStored(draftKey, isPostDraft) ?? { text: '', photos: [] },
  );
  const [uploading, setUploading] = useState(false);
  const [location, setLocation] = useState<LocationState>({ kind: 'off' });
  const locateSeq = useRef(0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const empty = !draft.text.trim() && draft.photos.length === 0;
  const withLocation = location.kind !== 'off';
  useAutosave(draftKey, empty ? null : draft);

  const busy = sending || uploading;
  const label = UPDATE_KIND_LABELS[kind];

  const toggleLocation = () => {
    if (busy) return;
    const seq = ++locateSeq.current;
    if (withLocation) {
      setLocation({ kind: 'off' });
      return;
    }
    setLocation({ kind: 'locating' });
    locate().then(
      (pos) => {
        if (seq === locateSeq.current) setLocation({ kind: 'ok', ...pos });
      },
      (err: unknown) => {
        if (seq !== locateSeq.current) return;
        setLocation({ kind: 'error', message: err instanceof Error ? err.message : '暂时无法获取位置' });
      },
    );
  };

  const submit = async () => {
    if (busy) return;
    const text = draft.text.trim();
    if (!text) {
      setError(`请写一句工作${label}，如：已完成 3 户走访`);
      return;
    }
    if (location.kind === 'locating') {
      setError('正在获取位置，请稍等');
      return;
    }
    if (location.kind === 'error') {
      const { confirm } = await Taro.showModal({
        title: '没有获取到位置',
        content: '要不附位置直接发布吗？',
        confirmText: '直接发布',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    setSending(true);
    setError(null);
    try {
      const update = await postEntryUpdate(entryId, {
        kind,
        text,
        photoIds: draft.photos.map((p) => p.id),
        ...(location.kind === 'ok'
          ? { location: { latitude: location.latitude, longitude: location.longitude } }
          : {}),
      });
      setDraft({ text: '', photos: [] });
      locateSeq.current++;
      setLocation({ kind: 'off' });
      onPosted(update);
      void Taro.showToast({ title: `已晒出${label}`, icon: 'success' });
    } catch (err) {
      const apiError = toApiError(err);
      setError(
        apiError.status === 0
          ? `${apiError.message}。内容已保存在手机上，网络恢复后再发布。`
          : apiError.message,
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="st-post-form" data-testid="post-form" data-kind={kind}>
      <Text className="st-label">晒{label}</Text>
      <Textarea
        className="st-textarea"
        value={draft.text}
        maxlength={MAX_TEXT}
        autoHeight
        placeholder={
          kind === 'progress' ? '如：已走访 12 户，收集意见 5 条' : '如：道路硬化完成验收，群众满意'
        }
        placeholderClass="st-placeholder"
        disabled={busy || undefined}
        data-testid="post-text"
        onInput={(e) => setDraft((d) => ({ ...d, text: e.detail.value }))}
      />
      <Text className="st-counter">
        {draft.text.length}/{MAX_TEXT}
      </Text>

      <PhotoField
        photos={draft.photos}
        max={MAX_PHOTOS}
        disabled={sending}
        testId="post-photos"
        addTestId="post-add-photo"
        onBusyChange={setUploading}
        onError={setError}
        onAdd={(photo) => setDraft((d) => ({ ...d, photos: [...d.photos, photo] }))}
        onRemove={(id) => setDraft((d) => ({ ...d, photos: d.photos.filter((p) => p.id !== id) }))}
      />

      <View
        className={`st-toggle ${withLocation ? 'st-toggle--on' : ''}`}
        role="switch"
        aria-checked={withLocation}
        data-testid="post-location"
        onClick={toggleLocation}
      >
        <View className="st-toggle__box">
          <Text>{withLocation ? '✓' : ''}</Text>
        </View>
        <View className="st-grow">
          <Text className="st-toggle__label">附上位置（仅督查可见）</Text>
          {location.kind === 'locating' ? <Text className="st-toggle__hint">正在获取位置…</Text> : null}
          {location.kind === 'ok' ? <Text className="st-toggle__hint">已获取当前位置</Text> : null}
          {location.kind === 'error' ? (
            <Text className="st-toggle__hint st-toggle__hint--error">{location.message}</Text>
          ) : null}
        </View>
      </View>

      {error ? (
        <Banner tone="danger" testId="post-error">
          <Text className="st-banner__text">{error}</Text>
        </Banner>
      ) : null}

      <View className="st-actions-row">
        <Button className="btn btn-secondary" disabled={onlyIf(sending)} onClick={onClose}>
          收起
        </Button>
        <Button
          className={`btn btn-primary ${busy ? 'btn-disabled' : ''}`}
          disabled={onlyIf(busy)}
          data-testid="post-submit"
          onClick={() => void submit()}
        >
          {sending ? '正在发布…' : `发布${label}`}
        </Button>
      </View>
    </View>
  );
}
