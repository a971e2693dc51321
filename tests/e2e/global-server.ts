import { execFileSync, spawn } from "node:child_process";
import net from "node:net";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../setup/database";
import { E2E_DATABASE, E2E_SESSION_SECRET } from "./vitest.config";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The app did not answer at ${url}/healthz`);
}

/** A fresh, migrated and seeded database and the built app serving it on a free port. */
export default async function setup(project: TestProject) {
  const database = E2E_DATABASE;
  migrateDatabase(database);
  const env = {
    ...process.env,
    DATABASE_URL: `file:${database}`,
    NODE_ENV: "production" as const,
    SESSION_SECRET: E2E_SESSION_SECRET,
  };
  execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { env, stdio: "pipe" });

  const port = await freePort();
  const server = spawn(process.execPath, ["server.js"], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  // "localhost": browsers keep Secure cookies there over plain HTTP, as on a developer's machine.
  const baseUrl = `http://localhost:${port}`;
  await waitForHealth(baseUrl, Date.now() + 30_000);
  project.provide("baseUrl", baseUrl);
  return () => {
    server.kill();
  };
}
