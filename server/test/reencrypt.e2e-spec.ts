import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FieldCipher } from '../src/common/crypto/field-cipher';
import { reencryptAll } from '../src/database/reencrypt';
import { Official } from '../src/modules/directory/official.entity';
import { testDatabases, type TestDatabase } from './databases';
import { openMigratedDatabase } from './helpers/migrated-database';
import { officialFactory } from './factories/directory.factory';

describe.each(testDatabases())('key rotation on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ database, dataSource } = await openMigratedDatabase(makeDatabase));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('re-encrypts values of the old key with the new one, leaving the plaintext unchanged', async () => {
    const oldKey = { id: 'k1', key: randomBytes(32) };
    const before = new FieldCipher([oldKey]);
    const saved = await dataSource
      .getRepository(Official)
      .save(officialFactory({ phoneEnc: before.encrypt('13800001111'), phoneMasked: '138****1111' }));

    const sut = new FieldCipher([{ id: 'k2', key: randomBytes(32) }, oldKey]);
    const counts = await reencryptAll(dataSource, sut);
    expect(counts.officials).toBe(1);

    const after = await dataSource.getRepository(Official).findOneByOrFail({ id: saved.id });
    expect(after.phoneEnc!.startsWith('k2.')).toBe(true);
    expect(sut.decrypt(after.phoneEnc!)).toBe('13800001111');
    expect((await reencryptAll(dataSource, sut)).officials).toBe(0);
  });
});
