import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, datetime, fk, id, int, varchar } from './schema-helpers';

/** Open311 (issue #17): integrators' API keys (hashed) and what each Open311 POST brought. */
export class Open3111795486000000 implements MigrationInterface {
  name = 'Open3111795486000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'open311_api_keys',
        columns: [
          id(queryRunner),
          varchar('name', 60),
          varchar('prefix', 16),
          varchar('key_hash', 64),
          int(queryRunner, 'jurisdiction_unit_id'),
          int(queryRunner, 'user_id'),
          int(queryRunner, 'rate_per_hour'),
          int(queryRunner, 'created_by_user_id'),
          createdAt(queryRunner),
          datetime('revoked_at'),
          int(queryRunner, 'revoked_by_user_id', { isNullable: true }),
          datetime('last_used_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_open311_api_keys_prefix', columnNames: ['prefix'], isUnique: true }),
          new TableIndex({ name: 'uq_open311_api_keys_user', columnNames: ['user_id'], isUnique: true }),
          new TableIndex({
            name: 'idx_open311_api_keys_jurisdiction',
            columnNames: ['jurisdiction_unit_id'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey(fk('fk_open311_api_keys_unit', 'jurisdiction_unit_id', 'units')),
          new TableForeignKey(fk('fk_open311_api_keys_user', 'user_id', 'users')),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'open311_requests',
        columns: [
          { ...int(queryRunner, 'ticket_id'), isPrimary: true },
          int(queryRunner, 'api_key_id', { isNullable: true }),
          varchar('address_string', 255, { isNullable: true }),
          varchar('address_id', 64, { isNullable: true }),
          varchar('lat', 24, { isNullable: true }),
          varchar('long', 24, { isNullable: true }),
          varchar('media_url', 500, { isNullable: true }),
          { name: 'attributes', type: 'text', isNullable: false },
          varchar('contact_enc', 2048, { isNullable: true }),
          createdAt(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'idx_open311_requests_key_created',
            columnNames: ['api_key_id', 'created_at'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey(fk('fk_open311_requests_ticket', 'ticket_id', 'tickets')),
          new TableForeignKey(fk('fk_open311_requests_key', 'api_key_id', 'open311_api_keys')),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('open311_requests');
    await queryRunner.dropTable('open311_api_keys');
  }
}
