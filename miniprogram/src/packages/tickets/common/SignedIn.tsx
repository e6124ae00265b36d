/** Pages that need to know who is asking (我的留言, a ticket): a clear message until someone is signed in. */
import { Button, View } from '@tarojs/components';
import type { MeUser } from '@jinri/shared';
import type { ReactNode } from 'react';

import { EmptyState } from '@/components/EmptyState';
import { goToMe } from '@/components/StaffGate';
import { LoadingCard } from '@/components/StateCard';
import { useSession } from '@/hooks/useSession';

interface SignedInProps {
  /** e.g. "登录后可以查看您反映的问题和办理进度。" */
  why: string;
  children: (user: MeUser) => ReactNode;
}

export function SignedIn({ why, children }: SignedInProps) {
  const session = useSession();
  if (session.status === 'pending') return <LoadingCard text="正在登录…" />;
  if (session.status !== 'signedIn' || !session.user) {
    return (
      <View className="card" data-testid="signin-gate">
        <EmptyState icon="!" title="请先登录" description={why}>
          <Button className="btn btn-primary" onClick={goToMe}>
            去登录
          </Button>
        </EmptyState>
      </View>
    );
  }
  return <>{children(session.user)}</>;
}
