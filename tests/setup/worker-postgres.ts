import { randomUUID } from "node:crypto";
import pg from "pg";

// Runs before each test file, before it imports the app's database client: a
// private copy of the migrated base database, so tests never see each other's rows.
const base = new URL(process.env.TEST_POSTGRES_BASE_URL!);
const name = `test_${randomUUID().replaceAll("-", "")}`;
const admin = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: "/postgres" }).href });
await admin.connect();
try {
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${base.pathname.slice(1)}"`);
} finally {
  await admin.end();
}
process.env.DATABASE_URL = Object.assign(new URL(base), { pathname: `/${name}` }).href;
