import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { mediaUrl } from '@/api/files';
import type { OfficialProfile } from '@/api/journals.api';

/** A number we can dial: digits (and + - spaces) only. Masked numbers (138****5678) are not. */
function dialable(phone: string | null): string | null {
  if (!phone) return null;
  const compact = phone.replace(/[\s-]/g, '');
  return /^\+?\d{5,20}$/.test(compact) ? compact : null;
}

/** Photo (or the first character of the name), name, posts, what they handle and phone. */
export function ProfileHeader({ profile }: { profile: OfficialProfile }) {
  const [photoFailed, setPhotoFailed] = useState(false);
  const photo = profile.photoUrl && !photoFailed ? mediaUrl(profile.photoUrl) : null;
  const number = dialable(profile.phone);

  const call = () => {
    if (!number) return;
    Taro.makePhoneCall({ phoneNumber: number }).catch(() => undefined);
  };

  return (
    <View className="card official-head" data-testid="official-profile" data-official-id={String(profile.id)}>
      <View className="official-head__top">
        {photo ? (
          <Image
            className="official-head__avatar"
            src={photo}
            mode="aspectFill"
            ariaLabel={`${profile.name}的照片`}
            onError={() => setPhotoFailed(true)}
          />
        ) : (
          <View className="official-head__avatar official-head__avatar--initial" aria-hidden>
            <Text>{profile.name.slice(0, 1)}</Text>
          </View>
        )}
        <View className="official-head__who">
          <Text className="official-head__name" data-testid="official-name">
            {profile.name}
          </Text>
          {profile.posts.map((post, i) => (
            <Text key={`${i}:${post.unit.id}:${post.title}`} className="official-head__post">
              {post.unit.name} {post.title}
            </Text>
          ))}
        </View>
      </View>
      {profile.duties && profile.duties.length > 0 ? (
        <View className="official-head__duties" data-testid="official-duties">
          <Text className="official-head__duties-title">负责办理</Text>
          {profile.duties.map((duty) => (
            <View
              key={duty.matterId}
              className="official-head__duty"
              onClick={() => void Taro.navigateTo({ url: `/pages/matter/index?id=${duty.matterId}` })}
            >
              <Text className="official-head__duty-name">{duty.matterName}</Text>
              {duty.units.length > 0 ? (
                <Text className="official-head__duty-units">
                  {duty.units.length > 6
                    ? `${duty.units.slice(0, 6).join('、')} 等 ${duty.units.length} 处`
                    : duty.units.join('、')}
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {profile.phone ? (
        <View className="official-head__phone">
          <Text className="official-head__phone-text" data-testid="official-phone">
            联系电话：{profile.phone}
          </Text>
          {number ? (
            <Button
              className="btn btn-primary official-head__call"
              data-testid="official-call"
              onClick={call}
            >
              拨打
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
