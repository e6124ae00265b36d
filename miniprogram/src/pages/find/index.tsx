import { Image, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';

import findIcon from '../../assets/tabbar/find.png';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import './index.css';

const SEARCH_PLACEHOLDER = '输入事项或姓名，如：低保、宅基地';

export default function FindPage() {
  const [keyword, setKeyword] = useState('');
  return (
    <Page name="find" title="找人办事">
      <Text className="page__title">找人办事</Text>
      <View className="find__search">
        <Input
          className="find__input"
          type="text"
          confirmType="search"
          value={keyword}
          placeholder={SEARCH_PLACEHOLDER}
          placeholderClass="find__placeholder"
          maxlength={50}
          onInput={(e) => setKeyword(e.detail.value)}
        />
      </View>
      <View className="card">
        <EmptyState
          icon={<Image className="empty-state__image" src={findIcon} />}
          title="找人办事功能即将上线"
          description="上线后，可按事项或姓名找到负责的干部"
        />
      </View>
    </Page>
  );
}
