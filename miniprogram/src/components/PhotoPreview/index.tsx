/**
 * Full-screen photo preview. weapp: WeChat's own viewer (Taro.previewImage). H5: a simple overlay
 * (Taro's H5 previewImage pulls in a 100+ KB carousel library for this).
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ReactNode } from 'react';

import './index.css';

export function usePhotoPreview(): [(urls: string[], index: number) => void, ReactNode] {
  const [viewing, setViewing] = useState<{ urls: string[]; index: number } | null>(null);

  const open = (urls: string[], index: number) => {
    if (urls.length === 0) return;
    if (process.env.TARO_ENV === 'weapp') {
      void Taro.previewImage({ current: urls[index], urls }).catch(() => undefined);
      return;
    }
    setViewing({ urls, index: Math.min(Math.max(index, 0), urls.length - 1) });
  };

  /** 上一张 / 下一张 (shown when there are several), without closing the preview. */
  const stepButton = (label: string, delta: 1 | -1) =>
    viewing !== null && viewing.urls.length > 1 ? (
      <View
        className="photo-preview__btn"
        role="button"
        onClick={(e) => {
          e.stopPropagation();
          setViewing((v) => (v ? { ...v, index: (v.index + v.urls.length + delta) % v.urls.length } : v));
        }}
      >
        <Text>{label}</Text>
      </View>
    ) : null;

  const overlay =
    viewing === null ? null : (
      <View
        className="overlay photo-preview"
        data-testid="photo-preview"
        catchMove
        onClick={() => setViewing(null)}
      >
        <Image className="photo-preview__img" src={viewing.urls[viewing.index]} mode="aspectFit" />
        <View className="photo-preview__bar">
          {stepButton('上一张', -1)}
          <Text className="photo-preview__count">
            {viewing.index + 1}/{viewing.urls.length} · 点击关闭
          </Text>
          {stepButton('下一张', 1)}
        </View>
      </View>
    );

  return [open, overlay];
}
