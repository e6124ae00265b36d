import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { bool, createdAt, datetime, fk, id, int, varchar } from './schema-helpers';

/** Users, role grants, invites, refresh tokens, the shared WeChat access token, officials' phones. */
export class Identity1795310000000 implements MigrationInterface {
  name = 'Identity1795310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(queryRunner),
          varchar('openid_hash', 64),
          varchar('openid_enc', 255, { isNullable: true }),
          bool(queryRunner, 'demo', false),
          createdAt(queryRunner),
          datetime('last_login_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_users_openid_hash', columnNames: ['openid_hash'], isUnique: true }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'role_grants',
        columns: [
          id(queryRunner),
          int(queryRunner, 'user_id'),
          varchar('role', 16),
          int(queryRunner, 'unit_id'),
          int(queryRunner, 'official_id', { isNullable: true }),
          int(queryRunner, 'invite_id', { isNullable: true }),
          createdAt(queryRunner),
          datetime('revoked_at'),
          int(queryRunner, 'revoked_by_user_id', { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'idx_role_grants_user', columnNames: ['user_id', 'revoked_at'] }),
          new TableIndex({ name: 'idx_role_grants_unit', columnNames: ['unit_id'] }),
          new TableIndex({ name: 'idx_role_grants_official', columnNames: ['official_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey(fk('fk_role_grants_user', 'user_id', 'users')),
          new TableForeignKey(fk('fk_role_grants_unit', 'unit_id', 'units')),
          new TableForeignKey(fk('fk_role_grants_official', 'official_id', 'officials')),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'invites',
        columns: [
          id(queryRunner),
          varchar('code_hash', 64),
          varchar('role', 16),
          int(queryRunner, 'unit_id'),
          int(queryRunner, 'official_id', { isNullable: true }),
          varchar('note', 100, { isNullable: true }),
          datetime('expires_at', false),
          int(queryRunner, 'created_by_user_id'),
          createdAt(queryRunner),
          int(queryRunner, 'redeemed_by_user_id', { isNullable: true }),
          datetime('redeemed_at'),
          datetime('revoked_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_invites_code_hash', columnNames: ['code_hash'], isUnique: true }),
          new TableIndex({ name: 'idx_invites_unit', columnNames: ['unit_id'] }),
          new TableIndex({ name: 'idx_invites_official', columnNames: ['official_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey(fk('fk_invites_unit', 'unit_id', 'units')),
          new TableForeignKey(fk('fk_invites_official', 'official_id', 'officials')),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          id(queryRunner),
          varchar('token_hash', 64),
          int(queryRunner, 'user_id'),
          varchar('family', 36),
          datetime('expires_at', false),
          createdAt(queryRunner),
          datetime('used_at'),
          datetime('revoked_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_refresh_tokens_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'idx_refresh_tokens_family', columnNames: ['family'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'wechat_access_tokens',
        columns: [
          varchar('app_id', 32, { isPrimary: true }),
          { name: 'token_enc', type: 'text' },
          datetime('expires_at', false),
          datetime('fetched_at', false),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'wechat_message_log',
        columns: [
          id(queryRunner),
          int(queryRunner, 'user_id'),
          varchar('purpose', 32),
          varchar('status', 16),
          int(queryRunner, 'errcode', { default: 0 }),
          createdAt(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'idx_wechat_message_log_user', columnNames: ['user_id', 'created_at'] }),
        ],
      }),
    );

    await queryRunner.addColumns('officials', [
      new TableColumn(varchar('phone_enc', 255, { isNullable: true })),
      new TableColumn(varchar('phone_masked', 20, { isNullable: true })),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('officials', 'phone_masked');
    await queryRunner.dropColumn('officials', 'phone_enc');
    for (const table of [
      'wechat_message_log',
      'wechat_access_tokens',
      'refresh_tokens',
      'invites',
      'role_grants',
      'users',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
