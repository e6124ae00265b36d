import type { DataSource } from 'typeorm';
import type { FieldCipher } from '../common/crypto/field-cipher';

/** Encrypted columns: table, primary key, column. */
const ENCRYPTED_COLUMNS = [
  { table: 'officials', key: 'id', column: 'phone_enc' },
  { table: 'users', key: 'id', column: 'openid_enc' },
  { table: 'wechat_access_tokens', key: 'app_id', column: 'token_enc' },
] as const;

/**
 * Key rotation, step 2: re-encrypts every value still under an older key with the current one
 * (the first of ENCRYPTION_KEYS). Safe to run while the app serves: each row is rewritten only if
 * it still holds the value that was read.
 */
export async function reencryptAll(
  dataSource: DataSource,
  cipher: FieldCipher,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, key, column } of ENCRYPTED_COLUMNS) {
    const rows: Array<Record<string, string | number>> = await dataSource.query(
      `SELECT ${key} AS k, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`,
    );
    let changed = 0;
    for (const row of rows) {
      const value = String(row.v);
      if (!cipher.isStale(value)) continue;
      const fresh = cipher.encrypt(cipher.decrypt(value));
      const driver = dataSource.driver;
      await dataSource.query(
        `UPDATE ${table} SET ${column} = ${driver.createParameter('a', 0)} WHERE ${key} = ${driver.createParameter('b', 1)} AND ${column} = ${driver.createParameter('c', 2)}`,
        [fresh, row.k, value],
      );
      changed += 1;
    }
    counts[table] = changed;
  }
  return counts;
}
