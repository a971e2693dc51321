/**
 * npm run db:deploy: brings the database named by DATABASE_URL up to date.
 * SQLite through `prisma migrate deploy`; PostgreSQL through the runner that
 * records in the same table (see prisma/postgres-migrations.ts).
 */
import { spawnSync } from "node:child_process";
import { databaseProvider, databaseUrl } from "../app/utils/database-url";
import { deployPostgresMigrations } from "../prisma/postgres-migrations";

const url = databaseUrl();
if (databaseProvider(url) === "postgresql") {
  const applied = await deployPostgresMigrations(url);
  console.log(applied.length > 0 ? `Applied ${applied.join(", ")}.` : "PostgreSQL: no pending migrations.");
} else {
  const deploy = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    stdio: "inherit",
  });
  process.exitCode = deploy.status ?? 1;
}
