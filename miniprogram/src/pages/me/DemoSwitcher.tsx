import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DemoPersona } from '@jinri/shared';
import { useState } from 'react';

import { toApiError } from '@/api/request';
import { isSamePersona, loginDemo } from '@/api/session';
import { onlyIf } from '@/utils/props';

interface DemoSwitcherProps {
  personas: DemoPersona[];
  /** The persona that still describes the signed-in user (session.ts currentPersona), if any. */
  current: DemoPersona | null;
  signedIn: boolean;
}

const personaKey = (p: DemoPersona) => `${p.role}:${p.officialId ?? ''}`;

/** H5 demo only (server with DEMO_LOGIN=1): act as any persona; the page follows the session. */
export function DemoSwitcher({ personas, current, signedIn }: DemoSwitcherProps) {
  const [switching, setSwitching] = useState<string | null>(null);

  const choose = (persona: DemoPersona) => {
    if (switching || isSamePersona(current, persona)) return;
    setSwitching(personaKey(persona));
    loginDemo(persona).then(
      () => {
        setSwitching(null);
        void Taro.showToast({ title: '已切换身份', icon: 'success' });
      },
      (error: unknown) => {
        setSwitching(null);
        void Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
      },
    );
  };

  return (
    <View className="card" data-testid="demo-switcher">
      <Text className="me-card__title">演示：切换身份</Text>
      <Text className="me-card__hint">这是演示版，可以任选一个身份体验。</Text>
      {signedIn && !current ? (
        <Text className="me-card__hint" data-testid="persona-none">
          您现在的身份已不同于下列演示身份（如兑换了邀请码），以上方“我的身份”为准。
        </Text>
      ) : null}
      <View className="me-personas">
        {personas.map((persona) => {
          const key = personaKey(persona);
          const isCurrent = isSamePersona(current, persona);
          return (
            <Button
              key={key}
              className={`me-persona ${isCurrent ? 'me-persona--current' : ''}`}
              data-testid="persona"
              data-role={persona.role}
              data-current={isCurrent ? 'true' : 'false'}
              disabled={onlyIf(switching !== null && !isCurrent)}
              onClick={() => choose(persona)}
            >
              <Text className="me-persona__label">
                {switching === key ? `正在切换为 ${persona.label}…` : persona.label}
              </Text>
              {/* Always rendered, hidden by class: Taro H5 buttons insert late children out of order. */}
              <Text className={`me-persona__badge ${isCurrent ? '' : 'me-persona__badge--hidden'}`}>
                当前
              </Text>
            </Button>
          );
        })}
      </View>
    </View>
  );
}
