/** What the benchmarks share: a throwaway database, and the built app serving it. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serveBuiltApp, type ServedApp } from "../tests/setup/app-server";

export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

export type BenchDatabase = "sqlite" | "postgresql";

/**
 * A migrated, empty database: SQLite in a temporary folder, or a throwaway
 * PostgreSQL cluster. The models opened after this use it.
 */
export async function throwawayDatabase(
  provider: BenchDatabase = "sqlite",
): Promise<{ databaseUrl: string; remove: () => void }> {
  if (provider === "postgresql") {
    const { startMigratedCluster } = await import("../tests/setup/postgres-cluster");
    const cluster = await startMigratedCluster();
    process.env.DATABASE_URL = cluster.url(cluster.base);
    return { databaseUrl: process.env.DATABASE_URL, remove: () => cluster.stop() };
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "rituals-bench-"));
  const databaseUrl = `file:${path.join(folder, "bench.db")}`;
  process.env.DATABASE_URL = databaseUrl;
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "ignore",
  });
  return { databaseUrl, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** The built app on a free port, with the bench's secret; resolves once it answers. */
export function serveBenchApp(databaseUrl: string): Promise<ServedApp> {
  return serveBuiltApp(
    { DATABASE_URL: databaseUrl, SESSION_SECRET: "bench-secret-bench-secret-bench-secret" },
    { host: "127.0.0.1", quiet: true },
  );
}

export const BENCH_PASSWORD = "bench password 123";

/** A user who leads a new team in Berlin; call after `throwawayDatabase`, so the models open it. */
export async function benchLead(email: string) {
  const { createTeamWithOwner, getMembership } = await import("~/models/team.server");
  const { createUser } = await import("~/models/user.server");
  const user = await createUser({ name: "Lead", email, password: BENCH_PASSWORD });
  if (!user.ok) throw new Error("bench user");
  const team = await createTeamWithOwner(user.value, {
    teamName: "Bench",
    teamTimeZone: "Europe/Berlin",
    name: "Lead",
    timeZone: "Europe/Berlin",
  });
  if (!team.ok) throw new Error("bench team");
  return { teamId: team.value.id, memberId: (await getMembership(user.value.id, team.value.id))!.member.id };
}
