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
export function serveBenchApp(databaseUrl: string, env: Record<string, string> = {}): Promise<ServedApp> {
  return serveBuiltApp(
    { DATABASE_URL: databaseUrl, SESSION_SECRET: "bench-secret-bench-secret-bench-secret", ...env },
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

/** The team the page figures are measured on: 30 members in six zones, 60 rituals. */
export const PAGE_TEAM = { members: 30, rituals: 60 };
const MEMBERS = PAGE_TEAM.members;
const RITUALS = PAGE_TEAM.rituals;
const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Asia/Seoul",
  "Asia/Kolkata",
  "Australia/Sydney",
  "America/Sao_Paulo",
];

/** Seeds the page figures' team, led by lead@bench.example; call after `throwawayDatabase`. */
export async function seedPageTeam() {
  const { RITUAL_KINDS } = await import("~/domain/ritual-kinds");
  const { createRitual } = await import("~/models/ritual.server");
  const { createMember } = await import("~/models/member.server");
  const { createContact, createCustomer } = await import("~/models/customer.server");
  const { teamId, memberId } = await benchLead("lead@bench.example");
  const memberIds = [memberId];
  for (let i = 1; i < MEMBERS; i++) {
    const member = await createMember(teamId, {
      name: `Member ${i}`,
      email: `member${i}@bench.example`,
      timeZone: ZONES[i % ZONES.length],
    });
    if (!member.ok) throw new Error(JSON.stringify(member.errors));
    memberIds.push(member.value.id);
  }
  const customer = await createCustomer(teamId, { name: "Customer", timeZone: "Asia/Seoul" });
  if (!customer.ok) throw new Error("bench customer");
  const contact = await createContact(teamId, customer.value.id, {
    name: "Contact",
    email: "contact@customer.example",
  });
  if (!contact.ok) throw new Error("bench contact");
  for (let i = 0; i < RITUALS; i++) {
    const kind = RITUAL_KINDS[i % RITUAL_KINDS.length]!;
    // Everyone sits in about a dozen rituals, the lead in every one, so the lead's week is full of conflicts.
    const participants = memberIds.filter((_, index) => index > 0 && (index + i) % 5 === 0);
    const created = await createRitual(
      teamId,
      {
        kind,
        title: `Ritual ${i} 회의`,
        timeZone: ZONES[i % ZONES.length],
        startTime: `${String(8 + (i % 9)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
        startDate: "2026-01-05",
        customerId: kind === "tea-time" ? customer.value.id : undefined,
      },
      {
        hostIds: [memberIds[0]!, memberIds[(i % (MEMBERS - 1)) + 1]!],
        participantIds: participants,
        contactIds: kind === "tea-time" ? [contact.value.id] : [],
      },
    );
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
  }
  return { teamId, leadId: memberId };
}

/** The bench lead's session cookie. */
export async function signIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/sign-in`, {
    method: "POST",
    body: new URLSearchParams({ email: "lead@bench.example", password: BENCH_PASSWORD }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("could not sign in");
  return cookie;
}

/** CPU seconds used so far by the server processes (each instance and its workers). */
export function cpuSeconds(rootPids: number[]): number {
  const ticks = 100; // USER_HZ on Linux
  const stat = (pid: number) => {
    try {
      const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks };
    } catch {
      return null; // gone
    }
  };
  const all = fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => ({ pid: Number(name), ...stat(Number(name)) }));
  const tree = new Set(rootPids);
  for (let grew = true; grew;) {
    grew = false;
    for (const entry of all) {
      if (entry.ppid !== undefined && tree.has(entry.ppid) && !tree.has(entry.pid)) {
        tree.add(entry.pid);
        grew = true;
      }
    }
  }
  return all.filter((entry) => tree.has(entry.pid)).reduce((sum, entry) => sum + (entry.cpu ?? 0), 0);
}
