import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const TEST_DATA_DIR = path.resolve("tests/.tmp");
export const BASE_DATABASE = path.join(TEST_DATA_DIR, "base.db");

/** Applies the committed migrations to a new, empty database file. */
export function migrateDatabase(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
}

/** A private copy of the migrated base database, so tests never see each other's rows. */
export function copyBaseDatabase(name: string): string {
  const file = path.join(TEST_DATA_DIR, `${name}.db`);
  fs.copyFileSync(BASE_DATABASE, file);
  return `file:${file}`;
}
