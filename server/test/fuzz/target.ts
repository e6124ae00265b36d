import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { AuthTokens, DemoPersona } from '@jinri/shared';
import { addDays, localDate, weekStart } from '../../src/common/time/local-time';
import type { DatabaseConfig } from '../../src/config/app.config';
import { call, startTestApp, type TestApp } from '../app';
import { startWechatStub, type WechatStub } from '../wechat-stub/wechat-stub';
import type { FuzzWorld } from './cases';
import { fuzzRoutes, type FuzzRoute } from './routes';

export interface FuzzTarget {
  app: TestApp;
  stub: WechatStub;
  routes: FuzzRoute[];
  world: FuzzWorld;
  close(): Promise<void>;
}

/** Every number found under a key named `key` anywhere in a JSON value. */
function idsUnder(value: unknown, key: string, out = new Set<number>()): number[] {
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'number') out.add(v);
      else if (k === key && v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'number')
        out.add((v as { id: number }).id);
      idsUnder(v, key, out);
    }
  return [...out];
}

/** The ids of the objects in the list `value[key]`. */
function idsOf(value: unknown, key: string): number[] {
  const list = (value as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(list)
    ? list.map((item: { id?: unknown }) => item.id).filter((id): id is number => typeof id === 'number')
    : [];
}

/**
 * The real app on `database` with the demo county, demo logins and the WeChat stub; a token for
 * each persona (town X, like the authorization matrix) and real ids of town X and of another town
 * (town Y, under "<kind>:other") for the fuzzer to aim at.
 */
export async function startFuzzTarget(
  database: DatabaseConfig,
  env: Record<string, string> = {},
): Promise<FuzzTarget> {
  const stub = await startWechatStub();
  const app = await startTestApp(database, {
    env: {
      WECHAT_API_BASE: stub.url,
      DEMO_LOGIN: '1',
      SEED_DEMO: 'county',
      LOG_LEVEL: 'silent',
      JOBS_ENABLED: '0',
      ...env,
    },
  });
  const get = async (path: string, token?: string) => (await call(app.url, 'GET', path, { token })).body;
  const post = async (path: string, body: unknown, token?: string, method = 'POST') =>
    (await call(app.url, method, path, { token, body })).body;
  const demo = async (role: string, officialId?: number) =>
    ((await post('/auth/demo', { role, officialId })) as AuthTokens).accessToken;

  const personas = ((await get('/demo/personas')) as DemoPersona[]).filter((p) => p.role === 'official');
  const officialA = personas[0]!.officialId!;
  const officialB = personas[1]!.officialId!;
  const unitOf = async (id: number) => idsUnder(await get(`/officials/${id}`), 'unit')[0]!;
  const townX = await unitOf(officialA);
  const townY = await unitOf(officialB);
  const county = await demo('admin');
  const tokens: FuzzWorld['tokens'] = {
    anonymous: undefined,
    resident: ((await post('/auth/wechat', { code: 'code:o6_fuzz' })) as AuthTokens).accessToken,
    official: await demo('official', officialA),
    clerk: await demo('clerk', officialA),
    supervisor: await demo('supervisor', officialA),
    admin: await demo('admin', officialA),
    countyAdmin: county,
  };
  const residentB = ((await post('/auth/wechat', { code: 'code:o6_fuzz_b' })) as AuthTokens).accessToken;
  const officialBToken = await demo('official', officialB);

  const today = localDate(new Date());
  const tomorrow = addDays(today, 1);
  const world: FuzzWorld = {
    tokens,
    bystanders: [],
    ids: {},
    strings: {},
    files: {},
    today,
    monday: weekStart(today),
  };
  const addString = (key: string, values: unknown[]) =>
    (world.strings[key] = [
      ...new Set([
        ...(world.strings[key] ?? []),
        ...values.filter((v): v is string => typeof v === 'string'),
      ]),
    ]);
  const add = (kind: string, ids: number[]) =>
    (world.ids[kind] = [...new Set([...(world.ids[kind] ?? []), ...ids])]);

  for (const [suffix, town, official, officialToken, residentToken] of [
    ['', townX, officialA, tokens.official, tokens.resident],
    [':other', townY, officialB, officialBToken, residentB],
  ] as const) {
    const members = await get(`/units/${town}/members`, county);
    const children = await get(`/units?parentId=${town}`);
    add(`unit${suffix}`, [town, ...idsOf(children, 'children').slice(0, 5)]);
    add(`official${suffix}`, [official, ...idsUnder(members, 'officialId').slice(0, 5)]);
    // Not the personas' own post: a handover of it would take town X from every persona.
    add(
      `post${suffix}`,
      (members as Array<{ officialId: number; postId: number }>)
        .filter((m) => m.officialId !== officialA)
        .map((m) => m.postId)
        .slice(0, 5),
    );
    // Plans for today and tomorrow (progress updates are for today's entries only).
    for (const date of [today, tomorrow]) {
      await post(
        `/plans/${official}/${date}`,
        {
          entries: [{ startTime: '09:00', place: '魏庄村', what: '到魏庄村调度拆迁工作', kind: '下村/实地' }],
        },
        officialToken,
        'PUT',
      );
      add(
        `entry${suffix}`,
        idsOf((await get(`/plans/${official}/${date}`, officialToken)) as object, 'entries'),
      );
    }
    // Enough tickets that the state machine is walked more than once (three residents: per-user limits).
    const residents = [residentToken];
    for (let i = 0; i < 2; i++)
      residents.push(
        ((await post('/auth/wechat', { code: `code:o6_fuzz_t${suffix}${i}` })) as AuthTokens).accessToken,
      );
    for (const [i, author] of (suffix ? residents.slice(0, 1) : residents).entries()) {
      for (const content of ['村口路灯坏了，请尽快修理', '垃圾桶满了三天没人清运', `第${i}号楼下水道堵了`]) {
        const ticket = (
          await call(app.url, 'POST', '/tickets', {
            token: author,
            body: { officialId: official, content, publicAllowed: true },
            headers: { 'idempotency-key': randomUUID() },
          })
        ).body;
        add(`ticket${suffix}`, idsUnder({ ticket }, 'ticket'));
        addString('querycode', [(ticket as { queryCode?: unknown }).queryCode]);
      }
    }
    for (let i = 0; i < (suffix ? 1 : 4); i++) {
      const leave = await post(
        '/leaves',
        { startDate: addDays(today, 30 + 3 * i), endDate: addDays(today, 31 + 3 * i), reason: '事假' },
        officialToken,
      );
      add(`leave${suffix}`, idsUnder({ leave }, 'leave'));
    }
    const invite = await post('/admin/invites', { role: 'clerk', unitId: town }, county);
    add(`invite${suffix}`, idsUnder({ invite }, 'invite'));
    // Grants of a bystander, never the personas' own (an admin may revoke them).
    const bystander = idsUnder(members, 'officialId').find((id) => id !== officialA && id !== officialB);
    add(`grant${suffix}`, idsOf(await get('/me', await demo('clerk', bystander)), 'grants'));
  }
  add('matter', idsUnder(await get('/matters/popular'), 'id').slice(0, 5));

  // Refresh tokens of bystanders (a refresh rotates them; a reuse revokes only the bystander's family).
  for (let i = 0; i < 4; i++) {
    const bystander = (await post('/auth/wechat', { code: `code:o6_fuzz_rt${i}` })) as AuthTokens;
    addString('refreshtoken', [bystander.refreshToken]);
    world.bystanders.push(bystander.accessToken);
  }
  const rules = (await get(`/journal-rules?unitId=${townX}`)) as {
    entryKinds?: string[];
    meetingNames?: string[];
  };
  addString('kind', rules.entryKinds ?? []);
  addString('meetingname', rules.meetingNames ?? []);
  const services = (await get('/open311/v2/services.json')) as Array<{ service_code: string }>;
  addString(
    'service_code',
    services.map((x) => x.service_code),
  );
  addString(
    '/open311/v2/services/:code.json code',
    services.map((x) => x.service_code),
  );
  addString('/open311/v2/requests/:id.json id', world.ids.ticket?.map(String) ?? []);

  // Real files for the multipart routes: a small PNG and the app's own spreadsheets.
  const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#c33' } })
    .png()
    .toBuffer();
  const bytes = async (path: string, token?: string) => {
    const response = await fetch(`${app.url}/api/v1${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return Buffer.from(await response.arrayBuffer());
  };
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  world.files['POST /api/v1/uploads'] = { name: 'photo.png', type: 'image/png', data: png };
  world.files['POST /api/v1/units/:unitId/plans/import'] = {
    name: 'plans.xlsx',
    type: xlsx,
    data: await bytes(`/units/${townX}/plans/template.xlsx?date=${tomorrow}`, tokens.clerk),
  };
  world.files['POST /api/v1/admin/directory/import'] = {
    name: 'directory.xlsx',
    type: xlsx,
    data: await bytes('/admin/directory/export.xlsx', county),
  };
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'photo.png');
  const upload = (await (
    await fetch(`${app.url}/api/v1/uploads`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${tokens.resident}` },
    })
  ).json()) as { id?: string; url?: string };
  addString('photoid', [upload.id]);
  addString('photourl', [upload.url]);
  for (const kind of Object.keys(world.ids).filter((k) => k.endsWith(':other')))
    world.ids[kind.split(':')[0]!] = [...(world.ids[kind.split(':')[0]!] ?? []), ...world.ids[kind]!];

  return {
    app,
    stub,
    routes: fuzzRoutes(app.app),
    world,
    close: async () => {
      await app.app.close();
      await stub.close();
    },
  };
}
