/**
 * npm run test:postgres: the model and authorization tests again on a
 * throwaway PostgreSQL cluster, when the machine has PostgreSQL's binaries.
 * Without them it says so and passes, except in CI, which installs them.
 */
import { spawnSync } from "node:child_process";
import { postgresBinaries } from "../tests/setup/postgres-cluster";

if (!postgresBinaries()) {
  const message = "PostgreSQL binaries not found (apt-get install postgresql, or set PG_BIN)";
  if (process.env.CI) {
    console.error(`${message}: CI must run the PostgreSQL tests.`);
    process.exit(1);
  }
  console.warn(`${message}: skipping the PostgreSQL run.`);
  process.exit(0);
}
const vitest = spawnSync("npx", ["vitest", "run", "--config", "vitest.postgres.config.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TZ: "America/Havana" },
});
process.exit(vitest.status ?? 1);
