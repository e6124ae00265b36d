import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * Every instance reloads the recently revoked sessions (refresh-token families revoked within an
 * access token's lifetime) when the auth.sessions counter moves: a range read on revoked_at, not a
 * scan of every refresh token ever issued.
 */
export class RefreshTokensRevokedIndex1795370000000 implements MigrationInterface {
  name = 'RefreshTokensRevokedIndex1795370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'refresh_tokens',
      new TableIndex({ name: 'idx_refresh_tokens_revoked', columnNames: ['revoked_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('refresh_tokens', 'idx_refresh_tokens_revoked');
  }
}
