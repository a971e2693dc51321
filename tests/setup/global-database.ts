import fs from "node:fs";
import { BASE_DATABASE, migrateDatabase, TEST_DATA_DIR } from "./database";

/** Migrates one base database per run; each test file copies it. */
export default function setup() {
  fs.rmSync(TEST_DATA_DIR, { recursive: true, force: true });
  migrateDatabase(BASE_DATABASE);
  return () => fs.rmSync(TEST_DATA_DIR, { recursive: true, force: true });
}
