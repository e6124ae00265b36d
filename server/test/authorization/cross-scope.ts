import type { AuthTokens, CreatedInvite, MeResponse } from '@jinri/shared';
import { addDays, localDate, weekStart } from '../../src/common/time/local-time';
import type { StaffRole } from '../../src/modules/auth/auth-user';
import type { CrossScopeContext, Row, Town, UnitMember } from './cross-scope-types';
import { call } from '../app';
import { supervisionCrossScopeRows } from './cross-scope-supervision';
import { rankingCrossScopeRows } from './cross-scope-rankings';
import { recordCrossScopeRows } from './cross-scope-records';

/**
 * Cross-scope rows of the authorization matrix: every route of the policy table that takes an
 * official, post, unit or ticket id, tried by the town-X persona with the ids of town Y (refused
 * with a stable code, and nothing changes) and with the ids of town X (let through, so the row can
 * fail). The spec checks that every such route has a row here.
 */

/** The rows, built once per describe; their attempts run only inside the tests. */
export function crossScopeRows(ctx: CrossScopeContext): Row[] {
  const towns = ctx.towns;
  let made = 0;
  const unique = () => (made += 1);
  /** A person's name for the n-th new official (names are Chinese characters only). */
  const nameOf = (n: number) =>
    `新干部${[...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('')}`;
  const asCounty = <T>(method: string, path: string, body?: unknown) =>
    call<T>(ctx.url(), method, path, { token: ctx.countyAdmin(), body });
  /** A body as the county admin reads it, without the request id of an error. */
  const read = async (path: string): Promise<unknown> => {
    const response = await asCounty<Record<string, unknown> | null>('GET', path);
    if (response.status < 300) return response.body;
    return { status: response.status, code: response.body?.code };
  };
  const holderOf = async (postId: number) => {
    const members = await read(`/units/${ctx.townX()}/members`);
    const inY = await read(`/units/${ctx.townY()}/members`);
    return [...(members as UnitMember[]), ...(inY as UnitMember[])].find((m) => m.postId === postId)
      ?.officialId;
  };
  const deputyOf = async (postId: number) => {
    const members = [
      ...((await read(`/units/${ctx.townX()}/members`)) as UnitMember[]),
      ...((await read(`/units/${ctx.townY()}/members`)) as UnitMember[]),
    ];
    return members.find((m) => m.postId === postId)?.deputyOfficialId;
  };
  /** A ticket assigned to the town's official, moved on to `stage`. */
  const ticketOf = async (t: Town, stage: 'assigned' | 'acknowledged' | 'extension' | 'held') => {
    const n = unique();
    const resident = (
      await call<AuthTokens>(ctx.url(), 'POST', '/auth/wechat', { body: { code: `code:o6_cross_${n}` } })
    ).body.accessToken;
    const content = `${stage === 'held' ? '待审：' : ''}第${n}号路口的路灯坏了，请尽快修理`;
    const created = await call<{ id: number }>(ctx.url(), 'POST', '/tickets', {
      token: resident,
      headers: { 'idempotency-key': `cross-scope-${n}-${Date.now()}` },
      body: { officialId: t.official, content, publicAllowed: false },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const act = (action: string, body: unknown) =>
      call(ctx.url(), 'POST', `/tickets/${id}/${action}`, { token: t.officialToken, body });
    if (stage === 'acknowledged' || stage === 'extension')
      expect((await act('acknowledge', { version: 1 })).status).toBe(200);
    if (stage === 'extension')
      expect((await act('extension', { version: 2, reason: '需协调', days: 2 })).status).toBe(200);
    const probe = async () => {
      const seen = (await read(`/tickets/${id}`)) as Record<string, unknown>;
      return [seen.status, seen.version, seen.assignee, seen.extension, seen.moderation];
    };
    const version = ((await read(`/tickets/${id}`)) as { version: number }).version;
    return { id, version, probe };
  };
  const leaveOf = async (t: Town) => {
    const day = addDays('2099-01-01', 3 * unique());
    const created = await asCounty<{ id: number }>('POST', '/leaves', {
      officialId: t.official,
      startDate: day,
      endDate: day,
      reason: '事假',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const probe = async () =>
      ((await read('/leaves')) as Array<{ id: number; status: string }>).find((l) => l.id === id)?.status;
    return { id, probe };
  };
  const entries = [{ startTime: '09:00', place: '村委会', what: '到村委会调度秋收工作', kind: '其他' }];
  const later = (days: number) => addDays(localDate(new Date()), days);
  const ticketRow = (
    route: string,
    as: StaffRole,
    stage: Parameters<typeof ticketOf>[1],
    action: string,
    body: (t: Town) => Record<string, unknown>,
  ): Row => ({
    route,
    as,
    attempt: async (t) => {
      const ticket = await ticketOf(t, stage);
      return {
        path: `/tickets/${ticket.id}${action}`,
        body: action ? { version: ticket.version, ...body(t) } : undefined,
        probe: ticket.probe,
      };
    },
  });

  const rows: Row[] = [
    ...(['clerk', 'admin'] as const).map((as): Row => ({
      route: 'PATCH /api/v1/officials/:id',
      as,
      attempt: async (t) => ({
        path: `/officials/${t.official}`,
        body: { photoUrl: null },
        probe: () => read(`/officials/${t.official}`),
      }),
    })),
    ...(['clerk', 'admin'] as const).map((as, i): Row => ({
      route: 'PUT /api/v1/plans/:officialId/:date',
      as,
      attempt: async (t) => ({
        path: `/plans/${t.official}/${later(3 + i)}`,
        body: { entries },
        probe: () => read(`/plans/${t.official}/${later(3 + i)}`),
      }),
    })),
    {
      route: 'POST /api/v1/plans/check',
      as: 'supervisor',
      attempt: async (t) => ({
        path: '/plans/check',
        body: { officialId: t.official, entries: [{ what: '到村委会调度秋收工作' }] },
      }),
    },
    {
      route: 'PUT /api/v1/weekly-reports/:officialId/:weekStart',
      as: 'clerk',
      attempt: async (t) => {
        const monday = weekStart(later(7));
        return {
          path: `/weekly-reports/${t.official}/${monday}`,
          body: { results: '完成三项工作', nextWeekPlan: '推进两项工作' },
          probe: () => read(`/weekly-reports/${t.official}/${monday}`),
        };
      },
    },
    {
      route: 'POST /api/v1/leaves',
      as: 'clerk',
      attempt: async (t) => {
        const day = addDays('2099-01-01', 3 * unique());
        return {
          path: '/leaves',
          body: { officialId: t.official, startDate: day, endDate: day, reason: '事假' },
          probe: async () => ((await read('/leaves')) as unknown[]).length,
        };
      },
    },
    ...(
      [
        ['POST /api/v1/leaves/:id/approve', 'supervisor', 'approve'],
        ['POST /api/v1/leaves/:id/reject', 'admin', 'reject'],
        ['POST /api/v1/leaves/:id/cancel', 'clerk', 'cancel'],
      ] as const
    ).map(([route, as, action]): Row => ({
      route,
      as,
      attempt: async (t) => {
        const leave = await leaveOf(t);
        return { path: `/leaves/${leave.id}/${action}`, probe: leave.probe };
      },
    })),
    {
      // The post is the town's; the official is one the county admin has just created.
      route: 'POST /api/v1/admin/posts/:id/handover',
      as: 'admin',
      attempt: async (t) => {
        const post = t.posts[0]!.postId;
        const fresh = (await asCounty<{ id: number }>('POST', '/admin/officials', { name: nameOf(unique()) }))
          .body.id;
        return {
          path: `/admin/posts/${post}/handover`,
          body: { officialId: fresh, startDate: later(1) },
          probe: () => holderOf(post),
        };
      },
    },
    {
      // The post is town X's; the official is the town's (the takeover of issue #10).
      route: 'POST /api/v1/admin/posts/:id/handover',
      as: 'admin',
      attempt: async (t) => {
        const post = towns.X.posts[t === towns.X ? 1 : 2]!.postId;
        return {
          path: `/admin/posts/${post}/handover`,
          body: { officialId: t.official, startDate: later(1) },
          probe: async () => [await holderOf(post), await read(`/officials/${t.official}`)],
        };
      },
    },
    {
      // The post and the deputy are both the town's.
      route: 'PUT /api/v1/admin/posts/:id/deputy',
      as: 'admin',
      attempt: async (t) => {
        const post = t.posts[4]!;
        const deputy = t.posts.find((p) => p.officialId !== post.officialId)!.officialId;
        return {
          path: `/admin/posts/${post.postId}/deputy`,
          body: { officialId: deputy },
          probe: () => deputyOf(post.postId),
        };
      },
    },
    {
      // The post is town X's; the deputy is the town's official (tickets of X would go to Y's official).
      route: 'PUT /api/v1/admin/posts/:id/deputy',
      as: 'admin',
      attempt: async (t) => {
        const post = towns.X.posts[5]!.postId;
        return {
          path: `/admin/posts/${post}/deputy`,
          body: { officialId: t.official },
          probe: () => deputyOf(post),
        };
      },
    },
    {
      route: 'PUT /api/v1/admin/duties',
      as: 'admin',
      attempt: async (t) => {
        const holder = t.posts[3]!;
        return {
          path: '/admin/duties',
          body: { postId: holder.postId, matterId: 1, coveredUnitIds: [] },
          probe: () => read(`/officials/${holder.officialId}`),
        };
      },
    },
    {
      route: 'POST /api/v1/admin/invites',
      as: 'admin',
      attempt: async (t) => ({
        path: '/admin/invites',
        body: { role: 'clerk', unitId: t.unit },
        probe: async () => ((await read('/admin/invites')) as unknown[]).length,
      }),
    },
    {
      // An official invite for the town's official, over a unit of town X.
      route: 'POST /api/v1/admin/invites',
      as: 'admin',
      attempt: async (t) => ({
        path: '/admin/invites',
        body: { role: 'official', unitId: ctx.townX(), officialId: t.official },
        probe: async () => ((await read('/admin/invites')) as unknown[]).length,
      }),
    },
    {
      route: 'DELETE /api/v1/admin/invites/:id',
      as: 'admin',
      attempt: async (t) => {
        const invite = (
          await asCounty<CreatedInvite>('POST', '/admin/invites', { role: 'clerk', unitId: t.unit })
        ).body;
        const probe = async () =>
          ((await read('/admin/invites')) as Array<{ id: number; status: string }>).find(
            (i) => i.id === invite.id,
          )?.status;
        return { path: `/admin/invites/${invite.id}`, probe };
      },
    },
    {
      route: 'DELETE /api/v1/admin/grants/:id',
      as: 'admin',
      attempt: async (t) => {
        const invite = (
          await asCounty<CreatedInvite>('POST', '/admin/invites', { role: 'clerk', unitId: t.unit })
        ).body;
        const user = (
          await call<AuthTokens>(ctx.url(), 'POST', '/auth/wechat', {
            body: { code: `code:o6_grant_${unique()}` },
          })
        ).body.accessToken;
        const me = (
          await call<MeResponse>(ctx.url(), 'POST', '/me/invites/redeem', {
            token: user,
            body: { code: invite.code },
          })
        ).body;
        const probe = async () =>
          (await call<MeResponse>(ctx.url(), 'GET', '/me', { token: user })).body.user.roles;
        return { path: `/admin/grants/${me.grants[0]!.id}`, probe };
      },
    },
    {
      route: 'PUT /api/v1/admin/matters/:id',
      as: 'admin',
      attempt: async (t) => {
        const body = {
          name: `辖区事项${unique()}`,
          category: '民政',
          keywords: [],
          synonyms: [],
          materials: [],
          whereToGo: '便民服务中心',
          officeHours: '工作日',
          departmentId: t.unit,
        };
        const id = (await asCounty<{ id: number }>('POST', '/admin/matters', body)).body.id;
        return {
          path: `/admin/matters/${id}`,
          body: { ...body, whereToGo: '村委会' },
          probe: () => read(`/matters/${id}`),
        };
      },
    },
    {
      // The matter is the town's: pinning it puts it first in the county's 大家常办的事.
      route: 'PUT /api/v1/admin/matters/:id/pin',
      as: 'admin',
      attempt: async (t) => {
        const id = (
          await asCounty<{ id: number }>('POST', '/admin/matters', {
            name: `置顶事项${unique()}`,
            category: '民政',
            keywords: [],
            synonyms: [],
            materials: [],
            whereToGo: '便民服务中心',
            officeHours: '工作日',
            departmentId: t.unit,
          })
        ).body.id;
        return { path: `/admin/matters/${id}/pin`, body: { rank: 1 }, probe: () => read('/matters/popular') };
      },
    },
    ...(['official', 'clerk', 'admin'] as const).map((as): Row => ({
      route: 'POST /api/v1/entries/:id/updates',
      as,
      attempt: async (t) => {
        const today = `/plans/${t.official}/${localDate(new Date())}`;
        type Plan = { entries?: Array<{ id: number }> } | null;
        if (!((await read(today)) as Plan)?.entries?.length)
          expect((await asCounty('PUT', today, { entries })).status).toBe(200);
        const entry = ((await read(today)) as Plan)!.entries![0]!.id;
        return {
          path: `/entries/${entry}/updates`,
          body: { kind: 'progress', text: `进展${unique()}` },
          probe: () => read(`/officials/${t.official}/timeline`),
        };
      },
    })),
    ...(['supervisor', 'admin'] as const).map((as): Row => ({
      route: 'GET /api/v1/units/:id/members',
      as,
      attempt: async (t) => ({ path: `/units/${t.unit}/members` }),
    })),
    {
      route: 'PUT /api/v1/admin/journal-rules/:unitId',
      as: 'admin',
      attempt: async (t) => ({
        path: `/admin/journal-rules/${t.unit}`,
        body: {
          planDueTime: '18:30',
          publicationTime: '08:00',
          weeklyReportDueWeekday: 7,
          weeklyReportDueTime: '12:00',
          reminderTime: '17:00',
          entryKinds: ['会议', '下村/实地', '其他'],
          meetingNames: ['周例会'],
        },
        probe: () => read(`/journal-rules?unitId=${t.unit}`),
      }),
    },
    ...(['clerk', 'supervisor'] as const).map((as): Row => ({
      route: 'GET /api/v1/units/:unitId/plans',
      as,
      attempt: async (t) => ({ path: `/units/${t.unit}/plans?date=${later(1)}` }),
    })),
    {
      route: 'PUT /api/v1/units/:unitId/plans',
      as: 'clerk',
      attempt: async (t) => ({
        path: `/units/${t.unit}/plans`,
        body: { date: later(5), plans: [] },
        probe: () => read(`/units/${t.unit}/plans?date=${later(5)}`),
      }),
    },
    {
      route: 'GET /api/v1/units/:unitId/plans/template.xlsx',
      as: 'clerk',
      attempt: async (t) => ({ path: `/units/${t.unit}/plans/template.xlsx?date=${later(1)}` }),
    },
    {
      // No file: in scope that is the next thing said; out of scope the unit is refused first.
      route: 'POST /api/v1/units/:unitId/plans/import',
      as: 'clerk',
      attempt: async (t) => ({ path: `/units/${t.unit}/plans/import?date=${later(1)}`, body: {} }),
      inScope: [400, 'COMMON.VALIDATION_FAILED'],
    },
    {
      route: 'PUT /api/v1/admin/sensitive-words',
      as: 'admin',
      attempt: async (t) => ({
        path: '/admin/sensitive-words',
        body: { unitId: t.unit, words: [`禁词${unique()}`] },
        probe: () => read('/admin/sensitive-words'),
      }),
    },
    {
      route: 'POST /api/v1/admin/matters',
      as: 'admin',
      attempt: async (t) => {
        const name = `跨辖区事项${unique()}`;
        return {
          path: '/admin/matters',
          body: {
            name,
            category: '民政',
            keywords: [],
            synonyms: [],
            materials: [],
            whereToGo: '便民服务中心',
            officeHours: '工作日',
            departmentId: t.unit,
          },
          probe: async () =>
            ((await read(`/search?q=${encodeURIComponent(name)}`)) as { matters: unknown[] }).matters.length,
        };
      },
    },
    ...(['official', 'supervisor', 'admin'] as const).map((as) =>
      ticketRow('GET /api/v1/tickets/:id', as, 'assigned', '', () => ({})),
    ),
    ticketRow('POST /api/v1/tickets/:id/acknowledge', 'official', 'assigned', '/acknowledge', () => ({})),
    ticketRow('POST /api/v1/tickets/:id/reply', 'official', 'acknowledged', '/reply', () => ({
      content: '已安排维修',
    })),
    ticketRow('POST /api/v1/tickets/:id/resolve', 'official', 'acknowledged', '/resolve', () => ({
      note: '已修好',
    })),
    ticketRow('POST /api/v1/tickets/:id/extension', 'official', 'acknowledged', '/extension', () => ({
      reason: '需协调供电所',
      days: 2,
    })),
    ...(['official', 'supervisor', 'admin'] as const).map((as) =>
      ticketRow('POST /api/v1/tickets/:id/transfer', as, 'assigned', '/transfer', () => ({
        unitId: ctx.townX(),
        reason: '不属本人职责',
      })),
    ),
    ...(['supervisor', 'admin'] as const).map((as) =>
      ticketRow('POST /api/v1/tickets/:id/assign', as, 'assigned', '/assign', (t) => ({
        officialId: t === towns.X ? towns.X.posts[4]!.officialId : towns.Y.posts[4]!.officialId,
      })),
    ),
    {
      // A ticket of town X handed by the desk to an official of the town.
      route: 'POST /api/v1/tickets/:id/assign',
      as: 'supervisor',
      attempt: async (t) => {
        const ticket = await ticketOf(towns.X, 'assigned');
        return {
          path: `/tickets/${ticket.id}/assign`,
          body: { version: ticket.version, officialId: t.posts[5]!.officialId },
          probe: ticket.probe,
        };
      },
    },
    ticketRow(
      'POST /api/v1/tickets/:id/extension/decide',
      'supervisor',
      'extension',
      '/extension/decide',
      () => ({
        approve: true,
      }),
    ),
    ticketRow('POST /api/v1/tickets/:id/moderate', 'supervisor', 'held', '/moderate', () => ({
      decision: 'approve',
    })),
    ...supervisionCrossScopeRows(ctx),
    ...rankingCrossScopeRows(),
    ...recordCrossScopeRows(),
  ];
  return rows;
}
