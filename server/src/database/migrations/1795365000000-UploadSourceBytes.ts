import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { int } from './schema-helpers';

/** The size of each photo as received, for the per-user daily upload quota (bytes is the stored JPEG). */
export class UploadSourceBytes1795365000000 implements MigrationInterface {
  name = 'UploadSourceBytes1795365000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('uploads', new TableColumn(int(queryRunner, 'source_bytes', { default: 0 })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('uploads', 'source_bytes');
  }
}
