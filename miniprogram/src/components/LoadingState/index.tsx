import { Text, View } from '@tarojs/components';

import './index.css';

interface LoadingStateProps {
  text?: string;
}

/** A spinner with words: elderly readers should not have to guess that something is happening. */
export function LoadingState({ text = '正在加载…' }: LoadingStateProps) {
  return (
    <View className="loading-state" aria-busy="true">
      <View className="loading-state__spinner" />
      <Text className="loading-state__text">{text}</Text>
    </View>
  );
}
