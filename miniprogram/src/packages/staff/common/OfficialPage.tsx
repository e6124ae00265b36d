/**
 * The shell of the pages an official uses for themselves (请假, 周报, 今日晒): the page, the role
 * gate and, for an account not bound to a 干部, what to do.
 */
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';

interface OfficialPageProps {
  name: string;
  title: string;
  /** Told to other roles, e.g. "只有干部本人可以在这里请假。" */
  deniedText: string;
  children: (officialId: number) => ReactNode;
}

export function OfficialPage({ name, title, deniedText, children }: OfficialPageProps) {
  return (
    <Page name={name} title={title}>
      <StaffGate roles={['official']} deniedText={deniedText}>
        {(me) =>
          me.user.officialId ? (
            children(me.user.officialId)
          ) : (
            <View className="card">
              <EmptyState icon="!" title="您的账号没有绑定干部" description="请联系管理员绑定干部身份。" />
            </View>
          )
        }
      </StaffGate>
    </Page>
  );
}
