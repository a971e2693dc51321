import { startMigratedCluster } from "./postgres-cluster";

/** One throwaway cluster per run, with a migrated base database that each test file copies. */
export default async function setup() {
  const cluster = await startMigratedCluster();
  // Test workers start after this and inherit the environment.
  process.env.TEST_POSTGRES_BASE_URL = cluster.url(cluster.base);
  return () => cluster.stop();
}
