/** What the benchmarks share: a throwaway database, and the built app serving it. */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

export async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A migrated, empty SQLite database in a temporary folder; the models opened after this use it. */
export function throwawayDatabase(): { databaseUrl: string; remove: () => void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "rituals-bench-"));
  const databaseUrl = `file:${path.join(folder, "bench.db")}`;
  process.env.DATABASE_URL = databaseUrl;
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "ignore",
  });
  return { databaseUrl, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** The built app (`npm run build`) on a free port, as `npm run serve` runs it; resolves once it answers. */
export async function serveBuiltApp(databaseUrl: string): Promise<{ origin: string; stop: () => void }> {
  const port = await freePort();
  const server = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: "production",
      SESSION_SECRET: "bench-secret-bench-secret-bench-secret",
    },
    stdio: "ignore",
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (
      await fetch(`${origin}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { origin, stop: () => server.kill() };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error("the app did not start");
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
