import { Button, Text, View } from '@tarojs/components';
import type { HealthResponse } from '@jinri/shared';
import { useEffect, useState } from 'react';

import { getHealth } from '../../api/health.api';
import { toApiError, type ApiError } from '../../api/request';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';

type HealthState =
  { kind: 'loading' } | { kind: 'ok'; health: HealthResponse } | { kind: 'error'; error: ApiError };

/** Shows whether the service answers GET /api/v1/health, with a 重试 button on failure. */
export function HealthCard() {
  const [state, setState] = useState<HealthState>({ kind: 'loading' });
  // Bumped by 重试 to run the check again.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true; // ignore answers that arrive after unmount or a newer attempt
    getHealth().then(
      (health) => {
        if (active) setState({ kind: 'ok', health });
      },
      (error: unknown) => {
        if (active) setState({ kind: 'error', error: toApiError(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  const retry = () => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  };

  return (
    <View className="card health-card" data-testid="health-card" data-state={state.kind}>
      {state.kind === 'loading' ? <LoadingState text="正在连接服务…" /> : null}
      {state.kind === 'ok' ? <HealthOk health={state.health} /> : null}
      {state.kind === 'error' ? (
        <EmptyState tone="danger" icon="!" title="暂时连不上服务" description={state.error.message}>
          <Button className="btn btn-primary" onClick={retry}>
            重试
          </Button>
        </EmptyState>
      ) : null}
    </View>
  );
}

function HealthOk({ health }: { health: HealthResponse }) {
  const healthy = health.status === 'ok' && health.database.up;
  return (
    <View className={`health-card__ok ${healthy ? '' : 'health-card__ok--degraded'}`}>
      <Text className="health-card__mark">{healthy ? '✓' : '!'}</Text>
      <View className="health-card__body">
        <Text className="health-card__status">{healthy ? '服务正常' : '服务部分不可用'}</Text>
        <Text className="health-card__meta">版本 {health.version}</Text>
      </View>
    </View>
  );
}
