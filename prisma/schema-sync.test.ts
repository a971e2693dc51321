import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { migrationChecksum, readMigrations } from "./postgres-migrations";
import {
  checkChanges,
  checkConstraintName,
  checksOf,
  POSTGRES_SCHEMA_DIR,
  postgresMigrationSql,
  postgresSchemaFrom,
  readSchemaFolder,
  SQLITE_SCHEMA_DIR,
  wholeSchema,
} from "./schema-sync";

const sqliteFiles = readSchemaFolder(SQLITE_SCHEMA_DIR);
const postgresFiles = readSchemaFolder(POSTGRES_SCHEMA_DIR);
const sqliteSchema = wholeSchema(sqliteFiles);
const postgresSchema = wholeSchema(postgresFiles);

describe("one schema for both databases", () => {
  it("has the committed PostgreSQL schema made from the SQLite one (run npm run db:migrate after a schema edit)", () => {
    expect(postgresFiles).toEqual(postgresSchemaFrom(sqliteFiles));
    expect(postgresSchema).toMatch(/provider = "postgresql"/);
  });

  it("has a PostgreSQL migration for every change of the committed schema", () => {
    expect(postgresMigrationSql(postgresSchema, postgresSchema)).toBeNull();
    const fromMigrations = readMigrations()
      .map((migration) => migration.sql)
      .join("\n");
    for (const [table, expressions] of checksOf(sqliteSchema)) {
      for (const expression of expressions) expect(fromMigrations).toContain(checkConstraintName(table, expression));
    }
  });

  it("has every check of the schema in the SQLite migrations, and no other", async () => {
    const tables = await prisma.$queryRawUnsafe<{ name: string; sql: string }[]>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'",
    );
    const inDatabase = new Map(
      tables
        .map((table) => [table.name, [...table.sql.matchAll(/CHECK \((.*)\)\s*(?:,|\n|$)/g)].map((match) => match[1])])
        .filter(([, checks]) => checks!.length > 0) as [string, string[]][],
    );
    const declared = checksOf(sqliteSchema);
    expect(new Set(inDatabase.keys())).toEqual(new Set(declared.keys()));
    for (const [table, checks] of declared) expect(new Set(inDatabase.get(table))).toEqual(new Set(checks));
  });

  it("computes migration checksums as Prisma does (compared with what prisma migrate deploy recorded)", async () => {
    const recorded = await prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      "SELECT migration_name, checksum FROM _prisma_migrations",
    );
    expect(recorded.length).toBeGreaterThan(3);
    for (const { migration_name, checksum } of recorded) {
      const file = fs.readFileSync(`prisma/migrations/${migration_name}/migration.sql`);
      expect(migrationChecksum(file)).toBe(checksum);
    }
  });

  it("writes the checks that changed: drops before the table changes, adds after, none for a dropped table", () => {
    const before = new Map([
      ["Ritual", ['"interval" >= 1', '"count" >= 1']],
      ["Gone", ['"x" > 0']],
    ]);
    const after = new Map([
      ["Ritual", ['"interval" >= 1', '"count" IS NULL OR "count" >= 1']],
      ["Team", ['length(trim("name")) > 0']],
    ]);
    const { drops, adds } = checkChanges(before, after);
    expect(drops).toEqual([
      `ALTER TABLE "Ritual" DROP CONSTRAINT IF EXISTS "${checkConstraintName("Ritual", '"count" >= 1')}";`,
    ]);
    expect(adds).toEqual([
      `ALTER TABLE "Ritual" ADD CONSTRAINT "${checkConstraintName("Ritual", '"count" IS NULL OR "count" >= 1')}" CHECK ("count" IS NULL OR "count" >= 1);`,
      `ALTER TABLE "Team" ADD CONSTRAINT "${checkConstraintName("Team", 'length(trim("name")) > 0')}" CHECK (length(trim("name")) > 0);`,
    ]);
  });

  it("writes a migration for a new column and its check, and none for an edit that changes no table", () => {
    const edited = postgresSchema.replace(
      /(model Team \{\n)/,
      '$1  motto String @default("")\n  // check: length("motto") < 200\n  // a comment changes nothing\n',
    );
    const sql = postgresMigrationSql(postgresSchema, edited)!;
    expect(sql).toMatch(/ALTER TABLE "Team" ADD COLUMN\s+"motto" TEXT NOT NULL DEFAULT ''/);
    expect(sql).toContain(`CHECK (length("motto") < 200)`);
    expect(sql.indexOf("ADD COLUMN")).toBeLessThan(sql.indexOf("CHECK ("));
    expect(
      postgresMigrationSql(postgresSchema, postgresSchema.replace("// Rituals:", "// Rituals, again:")),
    ).toBeNull();
  });
});
