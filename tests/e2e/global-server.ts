import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { serveBuiltApp } from "../setup/app-server";
import { migrateDatabase } from "../setup/database";
import { E2E_DATABASE, E2E_SESSION_SECRET } from "./vitest.config";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** A fresh, migrated and seeded database and the built app serving it on a free port. */
export default async function setup(project: TestProject) {
  const database = E2E_DATABASE;
  migrateDatabase(database);
  // The mail sender looks for work every second, so the outbox fills while a test watches.
  const env = { DATABASE_URL: `file:${database}`, SESSION_SECRET: E2E_SESSION_SECRET, MAIL_TICK_SECONDS: "1" };
  execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
    env: { ...process.env, ...env },
    stdio: "pipe",
  });
  const app = await serveBuiltApp(env);
  project.provide("baseUrl", app.origin);
  return app.stop;
}
