import fs from "node:fs";
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { rotateFeedToken } from "~/models/calendar-feed.server";
import { prisma } from "~/utils/db.server";
import { serveBuiltApp, type ServedApp } from "../setup/app-server";
import { E2E_DATABASE, E2E_SESSION_SECRET } from "./vitest.config";

const baseUrl = inject("baseUrl");

/** The processes whose parent is `pid`. */
/** A process's niceness, from its /proc entry. */
function nicenessOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

/** The supervisor's children: its serving workers, and the process that sends the mail rounds. */
function processesOf(pid: number) {
  const roles = childrenOf(pid).flatMap((child) => {
    try {
      const mail = fs.readFileSync(`/proc/${child}/environ`, "utf8").includes("RITUALS_PROCESS=mail");
      return [{ child, mail }];
    } catch {
      return []; // gone meanwhile
    }
  });
  return {
    serving: roles.filter((role) => !role.mail).map((role) => role.child),
    mail: roles.filter((role) => role.mail).map((role) => role.child),
  };
}

function childrenOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

describe("feed polls, as the built server answers them", () => {
  it("sends the feed compressed, with the security headers and its ETag, the same by GET and HEAD", async () => {
    const token = await rotateFeedToken("demo-priya");
    const url = `${baseUrl}/feeds/${token}.ics`;
    // node:http, which leaves the body as it came.
    const response = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get(url, { headers: { "Accept-Encoding": "gzip" } }, resolve).on("error", reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["vary"]).toBe("Accept-Encoding");
    const etag = response.headers.etag!;
    const text = gunzipSync(Buffer.concat(chunks)).toString("utf8");
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain("RRULE:");

    const plain = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(text);
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(etag);
    expect(await head.text()).toBe("");

    const notModified = await fetch(url, { headers: { "If-None-Match": etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers a wrong token with the app's own 404 page, and another method with 405", async () => {
    const missing = await fetch(`${baseUrl}/feeds/not-a-token.ics`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).not.toContain("calendar");
    expect(missing.headers.get("etag")).toBeNull();
    expect(missing.headers.get("x-frame-options")).toBe("DENY");
    const token = await rotateFeedToken("demo-priya");
    const put = await fetch(`${baseUrl}/feeds/${token}.ics`, {
      method: "PUT",
      headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: "a=b",
    });
    expect(put.status).toBe(405);
  });
});

describe("npm run serve on several cores", () => {
  let app: ServedApp;
  beforeAll(async () => {
    app = await serveBuiltApp({
      DATABASE_URL: `file:${E2E_DATABASE}`,
      SESSION_SECRET: E2E_SESSION_SECRET,
      WEB_CONCURRENCY: "2",
    });
  });
  afterAll(() => app?.stop());

  it("runs a process per core, and starts another when one dies, without dropping the address", async () => {
    // The mail process starts once every serving process listens.
    await expect.poll(() => processesOf(app.pid).mail.length, { timeout: 20_000 }).toBe(1);
    const workers = processesOf(app.pid).serving;
    expect(workers).toHaveLength(2);
    process.kill(workers[0]!, "SIGKILL");
    await expect
      .poll(() => processesOf(app.pid).serving.filter((pid) => pid !== workers[0]).length, { timeout: 20_000 })
      .toBe(2);
    for (let i = 0; i < 6; i++) expect((await fetch(`${app.origin}/healthz`)).status).toBe(200);
  });

  it("sends the mail rounds from one process of lower priority, started again when it dies", async () => {
    await expect.poll(() => processesOf(app.pid).mail.length, { timeout: 20_000 }).toBe(1);
    const [mail] = processesOf(app.pid).mail;
    // It lowers its own priority as it starts.
    await expect.poll(() => nicenessOf(mail!), { timeout: 20_000 }).toBe(10);
    expect(processesOf(app.pid).serving.map(nicenessOf)).toEqual([0, 0]);
    process.kill(mail!, "SIGKILL");
    await expect
      .poll(() => processesOf(app.pid).mail.filter((pid) => pid !== mail), { timeout: 20_000 })
      .toHaveLength(1);
    expect(processesOf(app.pid).serving).toHaveLength(2);
  });

  it("serves a feed change made through one process from every process at once", async () => {
    const token = await rotateFeedToken("demo-priya");
    const url = `${app.origin}/feeds/${token}.ics`;
    // Round robin: consecutive polls reach both processes, each keeping its own copy.
    const etags = new Set<string | null>();
    for (let i = 0; i < 4; i++) etags.add((await fetch(url)).headers.get("etag"));
    expect(etags.size).toBe(1);
    const ritual = await prisma.ritualAttendee.findFirstOrThrow({ where: { memberId: "demo-priya" } });
    const before = await prisma.ritual.findUniqueOrThrow({ where: { id: ritual.ritualId } });
    await prisma.ritual.update({ where: { id: before.id }, data: { title: `${before.title} (renamed)` } });
    try {
      for (let i = 0; i < 4; i++) {
        const response = await fetch(url);
        expect(etags.has(response.headers.get("etag"))).toBe(false);
        expect(await response.text()).toContain("(renamed)");
      }
    } finally {
      await prisma.ritual.update({ where: { id: before.id }, data: { title: before.title } });
    }
  });
});
