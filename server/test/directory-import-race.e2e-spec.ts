import type { EntityManager } from 'typeorm';
import type { ApiErrorBody, AuthTokens } from '@jinri/shared';
import { DirectorySheetService } from '../src/modules/directory/directory-sheet.service';
import { Matter } from '../src/modules/directory/matter.entity';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

/** Found by the fuzzer: an import raced a matter rename and answered 500. */
describe.each(testDatabases())('a directory import racing a matter rename on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;
  let admin: string;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config(), { env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' } });
    admin = (await call<AuthTokens>(sut.url, 'POST', '/auth/demo', { body: { role: 'admin' } })).body
      .accessToken;
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await sut?.app.close();
    await database?.drop();
  });

  it('answers 409 COMMON.CONFLICT and imports nothing when a matter is renamed after the sheet was checked', async () => {
    const exported = await fetch(`${sut.url}/api/v1/admin/directory/export.xlsx`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const file = Buffer.from(await exported.arrayBuffer());
    // The rename lands between the check (outside the transaction) and the writes (inside it).
    const service = sut.app.get(DirectorySheetService) as unknown as {
      apply(manager: EntityManager, ...rest: unknown[]): Promise<unknown>;
    };
    const apply = service.apply.bind(service);
    jest.spyOn(service, 'apply').mockImplementation(async (manager: EntityManager, ...rest: unknown[]) => {
      const matters = manager.getRepository(Matter);
      for (const matter of await matters.find())
        await matters.update({ id: matter.id }, { name: `${matter.name}（新）` });
      return apply(manager, ...rest);
    });
    const form = new FormData();
    form.append('file', new Blob([file]), 'directory.xlsx');
    const response = await fetch(`${sut.url}/api/v1/admin/directory/import`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect([response.status, ((await response.json()) as ApiErrorBody).code]).toEqual([
      409,
      'COMMON.CONFLICT',
    ]);
    const names = (await sut.app.get(DirectorySheetService).current()).matterNames;
    expect(names.filter((n) => n.endsWith('（新）'))).toEqual([]);
  });
});
