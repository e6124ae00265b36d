import { type MigrationInterface, type QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { fk, int } from './schema-helpers';

/**
 * A post may name an acting deputy (代理): while the holder is on approved leave, new tickets go to
 * the deputy and the holder's status says who stands in. The index comes before the foreign key so
 * MySQL uses it instead of creating one named after the key.
 */
export class PostDeputy1795405000000 implements MigrationInterface {
  name = 'PostDeputy1795405000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'posts',
      new TableColumn(int(queryRunner, 'deputy_official_id', { isNullable: true })),
    );
    await queryRunner.createIndex(
      'posts',
      new TableIndex({ name: 'idx_posts_deputy', columnNames: ['deputy_official_id'] }),
    );
    await queryRunner.createForeignKey(
      'posts',
      new TableForeignKey({
        ...fk('fk_posts_deputy_official', 'deputy_official_id', 'officials'),
        onDelete: 'SET NULL',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('posts', 'fk_posts_deputy_official');
    await queryRunner.dropIndex('posts', 'idx_posts_deputy');
    await queryRunner.dropColumn('posts', 'deputy_official_id');
  }
}
