/**
 * Drops the SQLite database file (with its WAL files), migrates a new one and
 * loads the demo team. `prisma migrate reset` cannot drop tables through the
 * driver adapter, so the file goes instead.
 *
 *   npm run db:reset
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseUrl } from "~/utils/database-url";

const url = databaseUrl();
if (!url.startsWith("file:")) throw new Error(`Only a file database can be reset this way, not ${url}`);
const file = path.resolve(url.slice("file:".length));
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
for (const args of [
  ["node_modules/prisma/build/index.js", "migrate", "deploy"],
  ["--import", "tsx", "prisma/seed.ts"],
]) {
  execFileSync(process.execPath, args, { stdio: "inherit" });
}
