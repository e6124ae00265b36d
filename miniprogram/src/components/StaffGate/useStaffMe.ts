import type { MeResponse } from '@jinri/shared';

import type { ApiError } from '@/api/request';
import { loadMe } from '@/api/session';
import { useLoad } from '@/hooks/useLoad';
import { useSession } from '@/hooks/useSession';

export type MeState =
  | { kind: 'anonymous' }
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'ok'; value: MeResponse };

/** GET /me for the signed-in user (already in the session when coming from 我的). */
export function useStaffMe(): { me: MeState; retry: () => void } {
  const session = useSession();
  const userId = session.status === 'signedIn' ? (session.user?.id ?? null) : null;
  const hasMe = session.me !== null;
  // Not cached across visits: a role just granted or revoked must show on the next page opened.
  const { view, retry } = useLoad(userId !== null && !hasMe ? `me:${userId}` : null, loadMe, {
    cache: false,
  });

  if (session.status === 'pending') return { me: { kind: 'loading' }, retry };
  if (userId === null) return { me: { kind: 'anonymous' }, retry };
  if (session.me) return { me: { kind: 'ok', value: session.me }, retry };
  if (view.kind === 'ok') return { me: { kind: 'ok', value: view.data }, retry };
  return { me: view, retry };
}
