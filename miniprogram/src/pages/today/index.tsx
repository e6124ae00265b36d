import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Page } from '../../components/Page';
import { formatChineseDate } from '../../utils/date';
import { HealthCard } from './HealthCard';
import './index.css';

export default function TodayPage() {
  // The date is fixed for the life of the page; a new day means a fresh launch for most readers.
  const [today] = useState(() => formatChineseDate());
  return (
    <Page name="today" title="今日工作">
      <View className="today__header">
        <Text className="page__title">今日工作</Text>
        <Text className="page__subtitle">{today}</Text>
      </View>
      <HealthCard />
    </Page>
  );
}
