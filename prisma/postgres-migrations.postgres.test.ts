import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { deployPostgresMigrations, migrationChecksum, readMigrations, type Migration } from "./postgres-migrations";
import {
  checksOf,
  POSTGRES_SCHEMA_DIR,
  postgresMigrationSql,
  readSchemaFolder,
  SQLITE_SCHEMA_DIR,
  wholeSchema,
} from "./schema-sync";

const admin = new URL(process.env.TEST_POSTGRES_BASE_URL!);
admin.pathname = "/postgres";
const made: string[] = [];

/** A new, empty database of the test cluster. */
async function emptyDatabase(): Promise<string> {
  const name = `migrate_${crypto.randomUUID().replaceAll("-", "")}`;
  await query(admin.href, `CREATE DATABASE "${name}"`);
  made.push(name);
  return Object.assign(new URL(admin), { pathname: `/${name}` }).href;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Tables, columns, constraints and indexes as PostgreSQL itself describes them. */
async function shapeOf(url: string) {
  const own = "NOT LIKE '\\_prisma%'";
  return {
    columns: await query(
      url,
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name ${own} ORDER BY 1, 2`,
    ),
    constraints: await query(
      url,
      `SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text ${own} ORDER BY 1, 2`,
    ),
    indexes: await query(
      url,
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename ${own} ORDER BY 1`,
    ),
  };
}

afterAll(async () => {
  for (const name of made) await query(admin.href, `DROP DATABASE IF EXISTS "${name}"`);
});

describe("PostgreSQL migrations", () => {
  it("build the same database as the schema itself: they have not drifted from it", async () => {
    const migrated = await emptyDatabase();
    await deployPostgresMigrations(migrated);
    const fromSchema = await emptyDatabase();
    await query(fromSchema, postgresMigrationSql(null, wholeSchema(readSchemaFolder(POSTGRES_SCHEMA_DIR)))!);
    const shape = await shapeOf(migrated);
    expect(shape.columns.length).toBeGreaterThan(50);
    const declaredChecks = [...checksOf(wholeSchema(readSchemaFolder(SQLITE_SCHEMA_DIR))).values()].flat();
    expect(shape.constraints.filter((row) => String(row.definition).startsWith("CHECK"))).toHaveLength(
      declaredChecks.length,
    );
    expect(shape).toEqual(await shapeOf(fromSchema));
  });

  it("are recorded in Prisma's table with Prisma's checksums, once each, however many instances start together", async () => {
    const url = await emptyDatabase();
    const runs = await Promise.all([1, 2, 3].map(() => deployPostgresMigrations(url)));
    const migrations = readMigrations();
    expect(runs.flat().sort()).toEqual(migrations.map((migration) => migration.name).sort());
    const recorded = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const [index, row] of recorded.entries()) {
      const file = fs.readFileSync(`prisma/migrations-postgres/${row.migration_name}/migration.sql`);
      expect(row.checksum).toBe(migrationChecksum(file));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.checksum).toBe(migrations[index]!.checksum);
    }
    expect(await deployPostgresMigrations(url)).toEqual([]);
  });

  it("roll a failing migration back whole, keep the ones before it, and apply it once it is fixed", async () => {
    const url = await emptyDatabase();
    const migration = (name: string, sql: string): Migration => ({ name, sql, checksum: migrationChecksum(sql) });
    const first = migration("1_first", 'CREATE TABLE "Kept" ("id" TEXT PRIMARY KEY);');
    const broken = migration("2_second", 'CREATE TABLE "Half" ("id" TEXT);\nINSERT INTO "Nowhere" VALUES (1);');
    await expect(deployPostgresMigrations(url, [first, broken])).rejects.toThrow(/2_second failed and was rolled back/);
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((row) => row.table_name)).toEqual(["Kept", "_prisma_migrations"]);
    const fixed = migration("2_second", 'CREATE TABLE "Half" ("id" TEXT);');
    expect(await deployPostgresMigrations(url, [first, fixed])).toEqual(["2_second"]);
  });
});
