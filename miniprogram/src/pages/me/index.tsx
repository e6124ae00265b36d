import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { toApiError } from '@/api/request';
import { currentPersona, loginWithWechat, logout } from '@/api/session';
import meIcon from '@/assets/tabbar/me.png';
import { CareModeSwitch } from '@/components/CareModeSwitch';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { Page } from '@/components/Page';
import { useSession } from '@/hooks/useSession';
import { onlyIf } from '@/utils/props';
import { INBOX_ROLES } from '@/utils/tickets';
import { setMeTabBadge } from './badge';
import { DemoSwitcher } from './DemoSwitcher';
import { useDemoMode, useMeView, type DemoMode } from './hooks';
import { InviteForm } from './InviteForm';
import { PhoneCard } from './PhoneCard';
import { ProfileCard } from './ProfileCard';
import { TicketLinks } from './TicketLinks';
import { hasWorkbench, Workbench } from './Workbench';
import './index.css';

export default function MePage() {
  const session = useSession();
  const { view, retry } = useMeView(session);
  const demo = useDemoMode();

  // Staff have a 工单 badge (the 工作台 sets it); other signed-in users the unread 消息 count
  // (TicketLinks sets it); signed out, no badge (logout, persona switch).
  const handlesTickets = view.kind === 'ok' && view.me.user.roles.some((r) => INBOX_ROLES.includes(r));
  useEffect(() => {
    if (view.kind === 'anonymous') setMeTabBadge(0);
  }, [view.kind]);

  return (
    <Page name="me" title="我的">
      <Text className="page__title">我的</Text>

      {/* 大字模式 for everyone, signed in or not (hooks/useCareMode). */}
      <View className="card">
        <CareModeSwitch />
      </View>

      {view.kind === 'anonymous' ? <AnonymousCard demo={demo} /> : null}

      {view.kind === 'pending' || view.kind === 'loading' ? (
        <View className="card" data-testid="login-state" data-state="loading">
          <LoadingState text={view.kind === 'pending' ? '正在登录…' : '正在读取您的信息…'} />
        </View>
      ) : null}

      {view.kind === 'error' ? (
        <View className="card" data-testid="login-state" data-state="error">
          <EmptyState tone="danger" icon="!" title="暂时读不到您的信息" description={view.error.message}>
            <Button className="btn btn-primary" onClick={retry}>
              重试
            </Button>
          </EmptyState>
        </View>
      ) : null}

      {view.kind === 'ok' ? (
        <View data-testid="login-state" data-state="signed-in">
          <ProfileCard me={view.me} />
          {hasWorkbench(view.me) ? <Workbench me={view.me} /> : null}
          <TicketLinks userId={view.me.user.id} tabBadge={!handlesTickets} />
          {view.me.official ? <PhoneCard phoneMasked={view.me.official.phoneMasked} /> : null}
          <InviteForm before={view.me} />
        </View>
      ) : null}

      {view.kind === 'anonymous' || view.kind === 'error' ? <TicketLinks /> : null}

      {demo.kind === 'on' ? (
        <DemoSwitcher
          personas={demo.personas}
          current={currentPersona(session)}
          signedIn={session.status === 'signedIn'}
        />
      ) : null}

      {session.status === 'signedIn' ? <LogoutButton /> : null}
    </Page>
  );
}

function AnonymousCard({ demo }: { demo: DemoMode }) {
  const [loggingIn, setLoggingIn] = useState(false);

  const login = () => {
    setLoggingIn(true);
    loginWithWechat({ explicit: true }).then(
      () => setLoggingIn(false),
      (error: unknown) => {
        setLoggingIn(false);
        void Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
      },
    );
  };

  let description: string;
  if (process.env.TARO_ENV === 'weapp') description = '登录后可以查看您的身份，并跟进您反映的事项。';
  else if (demo.kind === 'on') description = '这是演示版：请在下方“演示：切换身份”中选择一个身份。';
  else if (demo.kind === 'checking') description = '正在检查登录方式…';
  else description = '请在微信中打开“今日工作”小程序登录。';

  return (
    <View className="card" data-testid="login-state" data-state="anonymous">
      <EmptyState
        icon={<Image className="empty-state__image" src={meIcon} />}
        title="未登录"
        description={description}
      >
        {process.env.TARO_ENV === 'weapp' ? (
          <Button
            className={`btn btn-primary ${loggingIn ? 'btn-disabled' : ''}`}
            disabled={onlyIf(loggingIn)}
            loading={onlyIf(loggingIn)}
            onClick={login}
          >
            {loggingIn ? '正在登录…' : '微信一键登录'}
          </Button>
        ) : null}
      </EmptyState>
    </View>
  );
}

function LogoutButton() {
  const [busy, setBusy] = useState(false);

  const confirmLogout = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '退出后，需要重新登录才能查看您的身份和反映的事项。确定退出吗？',
      confirmText: '退出',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    await logout();
    setBusy(false);
    void Taro.showToast({ title: '已退出登录', icon: 'success' });
  };

  return (
    <Button
      className={`btn btn-danger btn-block me-logout ${busy ? 'btn-disabled' : ''}`}
      disabled={onlyIf(busy)}
      data-testid="logout"
      onClick={() => void confirmLogout().catch(() => setBusy(false))}
    >
      退出登录
    </Button>
  );
}
