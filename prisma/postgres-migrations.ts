/**
 * Applies prisma/migrations-postgres in order, the way `prisma migrate deploy`
 * would: one transaction each, recorded in Prisma's own `_prisma_migrations`
 * table with Prisma's checksum, under Prisma's advisory lock. `migrate deploy`
 * itself cannot run through the pg driver adapter yet (prisma/prisma#27403);
 * once it can, it takes over the same table with nothing to redo.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { POSTGRES_MIGRATIONS_DIR } from "./schema-sync";

/** The lock key Prisma's migrate takes, so this runner and Prisma never migrate at once. */
const PRISMA_MIGRATE_LOCK = 72707369;

// Prisma's own definition of its table.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Prisma's checksum: SHA-256 of the file's bytes, in hex. */
export function migrationChecksum(contents: Buffer | string): string {
  return crypto.createHash("sha256").update(contents).digest("hex");
}

/** The migrations in a folder, oldest first (their names start with a timestamp). */
export function readMigrations(folder = POSTGRES_MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const contents = fs.readFileSync(path.join(folder, name, "migration.sql"));
      return { name, sql: contents.toString("utf8"), checksum: migrationChecksum(contents) };
    });
}

/**
 * Brings the database up to date and answers the names it applied. Safe to
 * run from several instances at once: the lock makes them take turns, and
 * the later ones find nothing left to do.
 */
export async function deployPostgresMigrations(
  connectionString: string,
  migrations: readonly Migration[] = readMigrations(),
): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const failed = rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and is not resolved; see "prisma migrate resolve".`,
      );
    }
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const done: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          console.warn(`Migration ${migration.name} was edited after it was applied; it is not applied again.`);
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [crypto.randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.end();
  }
}
