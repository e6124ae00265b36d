import { Text, View } from '@tarojs/components';

import { useCareMode } from '@/hooks/useCareMode';
import './index.css';

interface CareModeSwitchProps {
  /**
   * `row`: a card row on 我的 with a title, a hint and the switch.
   * `chip`: a compact 大字 / 标准字 button for a page header.
   */
  variant?: 'row' | 'chip';
}

/**
 * The 大字模式 switch (hooks/useCareMode): remembered on the phone, scales every page. Its state is
 * written out (已开启 / 已关闭, 大字 / 标准字), never shown by colour alone; screen readers hear a
 * switch with its state.
 */
export function CareModeSwitch({ variant = 'row' }: CareModeSwitchProps) {
  const care = useCareMode();
  const toggle = () => care.setOn(!care.on);

  if (variant === 'chip') {
    return (
      <View
        className={`care-chip ${care.on ? 'care-chip--on' : ''}`}
        role="switch"
        aria-checked={care.on}
        aria-label="大字模式"
        data-testid="care-mode-chip"
        data-on={care.on ? 'true' : 'false'}
        onClick={toggle}
      >
        <Text className="care-chip__glyph" aria-hidden>
          A
        </Text>
        <Text>{care.on ? '大字：开' : '大字'}</Text>
      </View>
    );
  }

  // WeChat / the browser already give large text: say so, the switch still works.
  const systemLarge = !care.on && care.large;
  return (
    <View className="care-row" data-testid="care-mode">
      <View className="care-row__text">
        <Text className="care-row__title" id="care-mode-title">
          大字模式
        </Text>
        <Text className="care-row__hint">
          {systemLarge
            ? '您已在手机或微信里调大了字体，页面已按大字排版。'
            : '字更大、按钮更大，适合老年人阅读。'}
        </Text>
      </View>
      <View
        className={`care-switch ${care.on ? 'care-switch--on' : ''}`}
        role="switch"
        aria-checked={care.on}
        aria-labelledby="care-mode-title"
        data-testid="care-mode-switch"
        data-on={care.on ? 'true' : 'false'}
        onClick={toggle}
      >
        <View className="care-switch__track" aria-hidden>
          <View className="care-switch__knob" />
        </View>
        <Text className="care-switch__state">{care.on ? '已开启' : '已关闭'}</Text>
      </View>
    </View>
  );
}
