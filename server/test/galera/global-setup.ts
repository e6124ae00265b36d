import { createConnection } from 'mysql2/promise';
import { galeraUrls } from './cluster';

/**
 * Before the Galera suite: without TEST_GALERA_URLS the specs skip (said here once); with
 * REQUIRE_GALERA=1 (CI) a missing or unhealthy cluster fails the run. Every node must answer and be
 * a synced member of one 3-node cluster.
 */
export default async function globalSetup(): Promise<void> {
  const required = process.env.REQUIRE_GALERA === '1';
  const urls = galeraUrls();
  if (!urls) {
    if (required)
      throw new Error('REQUIRE_GALERA=1 but TEST_GALERA_URLS is not set: the Galera suite cannot run');
    process.stdout.write(
      '\n[galera tests] TEST_GALERA_URLS is not set (3 node URLs; .ci/galera.sh start makes a cluster): skipped.\n',
    );
    return;
  }
  for (const [i, uri] of urls.entries()) {
    try {
      const connection = await createConnection({ uri, connectTimeout: 5000 });
      const [rows] = await connection.query(
        "SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_local_state_comment')",
      );
      await connection.end();
      const status = Object.fromEntries(
        (rows as Array<{ Variable_name: string; Value: string }>).map((r) => [r.Variable_name, r.Value]),
      );
      if (status.wsrep_cluster_size !== '3' || status.wsrep_local_state_comment !== 'Synced')
        throw new Error(
          `not a synced member of a 3-node cluster (size ${status.wsrep_cluster_size ?? '?'}, state ${
            status.wsrep_local_state_comment ?? '?'
          })`,
        );
    } catch (error) {
      throw new Error(`Galera node ${i + 1} (${new URL(uri).host}): ${(error as Error).message}`);
    }
  }
  process.stdout.write(
    `\n[galera tests] 3 synced Galera nodes: ${urls.map((u) => new URL(u).host).join(', ')}\n`,
  );
}
