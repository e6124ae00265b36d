/**
 * Up to `max` photos: pick, compress and upload each (POST /uploads), remove, preview. Used by
 * the ticket forms (留言, 办结) and 今日晒.
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { mediaUrl, pickImages, uploadImage } from '@/api/files';
import { toApiError } from '@/api/request';
import { usePhotoPreview } from '../PhotoPreview';

export interface UploadedPhoto {
  id: string;
  url: string;
  thumbUrl: string;
}

export function isUploadedPhoto(v: unknown): v is UploadedPhoto {
  const p = v as UploadedPhoto | null;
  return !!p && typeof p.id === 'string' && typeof p.url === 'string' && typeof p.thumbUrl === 'string';
}

interface PhotoFieldProps {
  photos: UploadedPhoto[];
  onAdd: (photo: UploadedPhoto) => void;
  onRemove: (id: string) => void;
  max: number;
  disabled?: boolean;
  testId: string;
  /** The ＋ tile's test id. */
  addTestId?: string;
  /** Uploads running or finished: the form waits for them before sending. */
  onBusyChange?: (busy: boolean) => void;
  /** When given, a failed pick or upload is told to the form (null: cleared) instead of under the photos. */
  onError?: (message: string | null) => void;
}

export function PhotoField({
  photos,
  onAdd,
  onRemove,
  max,
  disabled,
  testId,
  addTestId = 'photo-add',
  onBusyChange,
  onError,
}: PhotoFieldProps) {
  const [uploading, setUploading] = useState<{ done: number; total: number } | null>(null);
  const [ownError, setOwnError] = useState<string | null>(null);
  const setError = onError ?? setOwnError;
  const error = onError ? null : ownError;
  const [openPreview, previewOverlay] = usePhotoPreview();
  const busy = !!disabled || uploading !== null;

  const add = async () => {
    if (busy) return;
    const room = max - photos.length;
    if (room <= 0) {
      void Taro.showToast({ title: `最多 ${max} 张照片`, icon: 'none' });
      return;
    }
    let picked;
    try {
      picked = await pickImages(room);
    } catch (err) {
      setError(toApiError(err).message);
      return;
    }
    if (picked.length === 0) return;
    setError(null);
    setUploading({ done: 0, total: picked.length });
    onBusyChange?.(true);
    let failed: string | null = null;
    let added = 0;
    for (const [i, file] of picked.slice(0, room).entries()) {
      try {
        const res = await uploadImage(file);
        onAdd({ id: res.id, url: res.url, thumbUrl: res.thumbUrl });
        added++;
      } catch (err) {
        failed = toApiError(err).message;
      }
      setUploading({ done: i + 1, total: picked.length });
    }
    setUploading(null);
    onBusyChange?.(false);
    if (failed) {
      setError(
        added > 0 ? `有 ${picked.length - added} 张照片没有传上去：${failed}` : `照片没有传上去：${failed}`,
      );
    }
  };

  return (
    <View data-testid={testId}>
      <View className="st-photos">
        {photos.map((p, i) => (
          <View key={p.id} className="st-photo" data-testid="photo">
            <Image
              className="st-photo__img"
              src={mediaUrl(p.thumbUrl)}
              mode="aspectFill"
              onClick={() =>
                openPreview(
                  photos.map((x) => mediaUrl(x.url)),
                  i,
                )
              }
            />
            <View
              className="st-photo__remove"
              role="button"
              aria-label="删除这张照片"
              onClick={() => !busy && onRemove(p.id)}
            >
              <Text>×</Text>
            </View>
          </View>
        ))}
        {photos.length < max ? (
          <View
            className={`st-photo st-photo--add ${busy ? 'st-icon-btn--off' : ''}`}
            role="button"
            data-testid={addTestId}
            onClick={() => void add()}
          >
            <Text className="st-photo__plus">＋</Text>
            <Text className="st-photo__caption">
              {uploading ? `上传中 ${uploading.done}/${uploading.total}` : `照片 ${photos.length}/${max}`}
            </Text>
          </View>
        ) : null}
      </View>
      {error ? (
        <View className="st-field-error" role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}
      {previewOverlay}
    </View>
  );
}

/** Photos shown (a ticket's, a resolution's): thumbnails, tap to enlarge. */
export function PhotoStrip({ photos, testId }: { photos: readonly UploadedPhoto[]; testId: string }) {
  const [openPreview, previewOverlay] = usePhotoPreview();
  if (photos.length === 0) return null;
  const urls = photos.map((p) => mediaUrl(p.url));
  return (
    <View className="st-photos" data-testid={testId}>
      {photos.map((p, i) => (
        <Image
          key={p.id}
          className="st-photo st-photo__img"
          src={mediaUrl(p.thumbUrl)}
          mode="aspectFill"
          ariaLabel={`照片 ${i + 1}，点击查看大图`}
          onClick={() => openPreview(urls, i)}
        />
      ))}
      {previewOverlay}
    </View>
  );
}
