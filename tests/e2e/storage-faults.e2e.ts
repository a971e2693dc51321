import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_OWNER_EMAIL, DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { serveBuiltApp, type ServedApp } from "../setup/app-server";
import { migrateDatabase } from "../setup/database";
import { E2E_SESSION_SECRET } from "./vitest.config";

// The built app on storage that fails the way disks do: a small file system that fills up,
// and a leftover SQLite file it cannot write. Each server runs in a mount namespace of its
// own (unshare), so the file systems it sees vanish with it.

const WORK = path.resolve(`tests/.tmp-e2e/storage-${process.pid}`);
const SEED = path.join(WORK, "seed.db");
const DISK = path.join(WORK, "disk");

beforeAll(() => {
  fs.mkdirSync(DISK, { recursive: true });
  migrateDatabase(SEED);
  execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${SEED}` },
    stdio: "pipe",
  });
}, 60_000);
afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

/** A shell command run in a new user and mount namespace before it runs the server in its place. */
const inNamespace = (setup: string) => (command: string[]) => [
  "unshare",
  "--user",
  "--map-root-user",
  "--mount",
  "sh",
  "-c",
  `${setup} && exec "$@"`,
  "sh",
  ...command,
];

const appEnv = (database: string) => ({
  DATABASE_URL: `file:${database}`,
  SESSION_SECRET: E2E_SESSION_SECRET,
  MAIL_TICK_SECONDS: "3600",
});

async function signIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: DEMO_OWNER_EMAIL, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(302);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

describe("a disk that fills up", () => {
  let app: ServedApp;
  const database = path.join(DISK, "rituals.db");
  /** The server's view of its small file system, through its process. */
  const ballast = () => `/proc/${app.pid}/root${DISK}/ballast`;

  beforeAll(async () => {
    app = await serveBuiltApp(appEnv(database), {
      quiet: true,
      wrap: inNamespace(`mount -t tmpfs -o size=8m tmpfs "${DISK}" && cp "${SEED}" "${database}"`),
    });
  });
  afterAll(() => app?.stop());

  /** Writes the file system full, as other files on a shared disk would. */
  function fillDisk() {
    const descriptor = fs.openSync(ballast(), "w");
    const block = Buffer.alloc(64 * 1024);
    try {
      for (;;) fs.writeSync(descriptor, block);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe("ENOSPC");
    } finally {
      fs.closeSync(descriptor);
    }
  }

  it("keeps reads and typed notes, says so on /healthz, and saves again once space returns, without a restart", async () => {
    const cookie = await signIn(app.origin);
    const ritualPage = await (
      await fetch(`${app.origin}/teams/demo-team/rituals/demo-tea-time`, { headers: { Cookie: cookie } })
    ).text();
    const meeting = ritualPage.match(/\/teams\/demo-team\/rituals\/demo-tea-time\/meetings\/\d{8}T\d{6}Z/)![0];
    const saveNotes = async (notes: string) => {
      const page = await (await fetch(`${app.origin}${meeting}`, { headers: { Cookie: cookie } })).text();
      const version = page.match(/name="version" value="(\d+)"/)![1]!;
      return fetch(`${app.origin}${meeting}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "save-notes", version, agenda: "", notes, decisions: "" }),
      });
    };
    const meetingPage = async () => (await fetch(`${app.origin}${meeting}`, { headers: { Cookie: cookie } })).text();

    expect((await saveNotes("Written before the disk filled")).status).toBeLessThan(400);
    fillDisk();

    const health = await fetch(`${app.origin}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "unavailable", database: "cannot-write" });

    const refused = await saveNotes("Typed while the disk was full");
    expect(refused.status).toBe(503);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain("Typed while the disk was full");
    expect(refusedPage).toContain("Nothing you saved before is lost or changed");
    // Reading still works, with what was saved before.
    expect(await meetingPage()).toContain("Written before the disk filled");

    fs.rmSync(ballast());
    expect((await fetch(`${app.origin}/healthz`)).status).toBe(200);
    expect((await saveNotes("Saved once space returned")).status).toBeLessThan(400);
    const after = await meetingPage();
    expect(after).toContain("Saved once space returned");
    expect(after).not.toContain("Written before the disk filled");
  });
});

describe("a leftover SQLite file the app cannot write", () => {
  it("stops at start with a message naming the file, instead of failing mid-request", () => {
    const database = path.join(WORK, "leftover.db");
    fs.copyFileSync(SEED, database);
    // What a crashed instance leaves behind, on a file system this one may only read.
    fs.writeFileSync(`${database}-shm`, Buffer.alloc(32 * 1024));
    const shm = `${database}-shm`;
    const [command = "", ...args] = inNamespace(`mount --bind "${shm}" "${shm}" && mount -o remount,ro,bind "${shm}"`)([
      process.execPath,
      "server.js",
    ]);
    const started = spawnSync(command, args, {
      env: { ...process.env, NODE_ENV: "production", PORT: "0", ...appEnv(database) },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain(`${shm} is on a read-only file system`);
    expect(started.stderr).not.toMatch(/\n\s+at /);
  });
});
