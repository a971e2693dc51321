/**
 * prisma/schema/ (SQLite) is the one schema, a file per part of the app. The PostgreSQL schema and
 * its migrations are made from it here, so the two databases cannot drift.
 *
 * Prisma's schema language has no CHECK constraints, so each model lists its
 * own as `// check: <SQL>` lines. The expressions are SQL both databases read
 * alike; the SQLite migrations carry them by hand, the PostgreSQL ones get
 * them from `checkChanges`.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const SQLITE_SCHEMA_DIR = path.join("prisma", "schema");
export const POSTGRES_SCHEMA_DIR = path.join("prisma", "postgres", "schema");
export const POSTGRES_MIGRATIONS_DIR = path.join("prisma", "migrations-postgres");

const GENERATED_HEADER =
  "// Made from ../../schema/ by `npm run db:migrate`: edit the file of the same name there, not this one.\n\n";

/** A schema folder's files, by name. */
export type SchemaFiles = Record<string, string>;

export function readSchemaFolder(folder: string): SchemaFiles {
  if (!fs.existsSync(folder)) return {};
  const names = fs.readdirSync(folder).filter((name) => name.endsWith(".prisma"));
  return Object.fromEntries(names.sort().map((name) => [name, fs.readFileSync(path.join(folder, name), "utf8")]));
}

/** Writes the folder's files and removes any file that is no longer part of it. */
export function writeSchemaFolder(folder: string, files: SchemaFiles): void {
  fs.mkdirSync(folder, { recursive: true });
  for (const name of Object.keys(readSchemaFolder(folder))) if (!(name in files)) fs.rmSync(path.join(folder, name));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
}

/** The folder as one schema, as Prisma reads it: for diffs and the checks. */
export function wholeSchema(files: SchemaFiles): string {
  return Object.keys(files)
    .sort()
    .map((name) => files[name])
    .join("\n");
}

/** The PostgreSQL schema: the same models, another provider, its own generated client. */
export function postgresSchemaFrom(sqliteFiles: SchemaFiles): SchemaFiles {
  let providers = 0;
  let outputs = 0;
  const files = Object.entries(sqliteFiles).map(([name, text]) => {
    const postgres = text
      .replace(/(datasource db \{[^}]*?provider\s*=\s*)"sqlite"/, (_, before: string) => {
        providers++;
        return `${before}"postgresql"`;
      })
      .replace(/(generator client \{[^}]*?output\s*=\s*)"\.\.\/\.\.\/app\/generated\/prisma"/, (_, before: string) => {
        outputs++;
        return `${before}"../../../app/generated/prisma-postgres"`;
      });
    return [name, GENERATED_HEADER + postgres];
  });
  if (providers !== 1 || outputs !== 1) {
    throw new Error(
      `${SQLITE_SCHEMA_DIR} must have one sqlite datasource and one client generated to ../../app/generated/prisma`,
    );
  }
  return Object.fromEntries(files);
}

/** Each model's CHECK expressions, by table name. */
export type Checks = Map<string, string[]>;

export function checksOf(schema: string): Checks {
  const checks: Checks = new Map();
  for (const [, table, body] of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const expressions = [...body!.matchAll(/^\s*\/\/ check: (.+?)\s*$/gm)].map((match) => match[1]!);
    if (expressions.length > 0) checks.set(table!, expressions);
  }
  return checks;
}

/** Stable per expression, so a later migration can drop exactly the check that went away. */
export function checkConstraintName(table: string, expression: string): string {
  const hash = crypto.createHash("sha256").update(expression).digest("hex").slice(0, 8);
  return `${table}_${hash}_check`;
}

/**
 * The statements that take a database from one set of checks to another:
 * drops go before the table changes (a dropped column may be in one), adds after.
 */
export function checkChanges(before: Checks, after: Checks): { drops: string[]; adds: string[] } {
  const drops: string[] = [];
  const adds: string[] = [];
  for (const [table, expressions] of before) {
    if (!after.has(table)) continue; // the table goes, and its checks with it
    for (const expression of expressions) {
      if (!after.get(table)!.includes(expression)) {
        drops.push(`ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${checkConstraintName(table, expression)}";`);
      }
    }
  }
  for (const [table, expressions] of after) {
    for (const expression of expressions) {
      if (!before.get(table)?.includes(expression)) {
        adds.push(
          `ALTER TABLE "${table}" ADD CONSTRAINT "${checkConstraintName(table, expression)}" CHECK (${expression});`,
        );
      }
    }
  }
  return { drops, adds };
}

/** Prisma's SQL from one schema to another (null: an empty database). Needs no database. */
function prismaDiff(from: string | null, to: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "rituals-schema-"));
  try {
    const toFile = path.join(folder, "to.prisma");
    fs.writeFileSync(toFile, to);
    const fromFile = path.join(folder, "from.prisma");
    if (from !== null) fs.writeFileSync(fromFile, from);
    const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", fromFile];
    const args = ["node_modules/prisma/build/index.js", "migrate", "diff", ...fromArgs];
    const script = execFileSync(process.execPath, [...args, "--to-schema-datamodel", toFile, "--script"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // The diff needs no database, but prisma.config.ts opens its SQLite adapter: give it one in memory.
      env: { ...process.env, DATABASE_URL: "file::memory:" },
    });
    return script.replace(/^Loaded Prisma config.*\n/m, "").trim();
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A PostgreSQL migration from one generated schema to the next (null: from
 * nothing), or null when they describe the same database.
 */
export function postgresMigrationSql(from: string | null, to: string): string | null {
  const tables = prismaDiff(from, to);
  const { drops, adds } = checkChanges(checksOf(from ?? ""), checksOf(to));
  const tableStatements = /^\s*(CREATE|ALTER|DROP)\b/m.test(tables) ? [tables] : [];
  if (drops.length + adds.length + tableStatements.length === 0) return null;
  const checkNote = "-- CHECK constraints from the `// check:` lines in prisma/schema/";
  return [
    "-- Made by `npm run db:migrate` from prisma/schema/.",
    ...(drops.length > 0 ? [`${checkNote}\n${drops.join("\n")}`] : []),
    ...tableStatements,
    ...(adds.length > 0 ? [`${checkNote}\n${adds.join("\n")}`] : []),
    "",
  ].join("\n\n");
}
