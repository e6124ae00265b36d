import { Image, Text, View } from '@tarojs/components';

import meIcon from '../../assets/tabbar/me.png';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export default function MePage() {
  return (
    <Page name="me" title="我的">
      <Text className="page__title">我的</Text>
      <View className="card" data-testid="login-state" data-state="anonymous">
        <EmptyState
          icon={<Image className="empty-state__image" src={meIcon} />}
          title="未登录"
          description="登录功能即将上线，登录后可查看您反映的事项。"
        />
      </View>
    </Page>
  );
}
