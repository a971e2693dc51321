import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./app/utils/database-url";

// The CLI looks for native engine files before it starts, even though
// engine "js" never runs them, and they cannot be downloaded here. Pointing
// the check at the Node binary satisfies it; nothing executes it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;

// The schema's datasource reads DATABASE_URL before the adapter is asked for, so settle it first.
const url = databaseUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaLibSQL({ url });
  },
});
