/**
 * On one database (sqlite or postgresql, the first argument): the schedule
 * page's server time for a team of 30 members and 60 rituals, and a calendar
 * app polling the lead's feed (the built app, sequential requests), plus the
 * JavaScript a browser downloads for the page, gzipped. Runs in its own
 * process (the database client is opened once per process): `npm run bench`
 * starts it once per database.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import {
  BENCH_PASSWORD,
  type BenchDatabase,
  benchLead,
  median,
  percentile,
  serveBenchApp,
  throwawayDatabase,
} from "./bench-support";

const MEMBERS = 30;
const RITUALS = 60;
const REQUESTS = 300;
const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Asia/Seoul",
  "Asia/Kolkata",
  "Australia/Sydney",
  "America/Sao_Paulo",
];

async function seedTeam() {
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

async function signIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/sign-in`, {
    method: "POST",
    body: new URLSearchParams({ email: "lead@bench.example", password: BENCH_PASSWORD }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("could not sign in");
  return cookie;
}

/** Every script the page loads: its module entry and the modules it preloads. */
function pageScripts(html: string): string[] {
  const sources = [
    ...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g),
    ...html.matchAll(/import\("([^"]+)"\)/g),
  ];
  return [...new Set(sources.map((match) => match[1]!))].filter((src) => src.endsWith(".js"));
}

/** p50 and p99 of sequential requests, after a warm-up. */
async function timed(request: () => Promise<Response>): Promise<string> {
  for (let i = 0; i < 20; i++) await (await request()).text();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    await (await request()).text();
    times.push(performance.now() - start);
  }
  return `p50 ${median(times).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms`;
}

async function runPagesBench(provider: BenchDatabase): Promise<void> {
  const database = await throwawayDatabase(provider);
  const { teamId, leadId } = await seedTeam();
  const { rotateFeedToken } = await import("~/models/calendar-feed.server");
  const feedToken = await rotateFeedToken(leadId);
  const server = await serveBenchApp(database.databaseUrl);
  try {
    const cookie = await signIn(server.origin);
    const url = `${server.origin}/teams/${teamId}/schedule?week=2026-03-23`;
    const get = () => fetch(url, { headers: { Cookie: cookie, "Accept-Language": "en" } });
    const first = await get();
    if (first.status !== 200) throw new Error(`schedule answered ${first.status}`);
    const html = await first.text();
    const items = html.split('data-testid="week-item"').length - 1;
    console.log(
      `\n${provider === "sqlite" ? "SQLite" : "PostgreSQL"}: schedule page and feed poll, ${MEMBERS} members and ` +
        `${RITUALS} rituals (${items} meetings in the lead's week), ${REQUESTS} sequential requests each:`,
    );
    console.log(`  schedule page: ${await timed(get)} (target p99 < 100 ms)`);
    // As Google Calendar polls: a full response every time, no If-None-Match.
    const feed = () => fetch(`${server.origin}/feeds/${feedToken}.ics`);
    console.log(`  feed poll:     ${await timed(feed)}`);

    if (provider !== "sqlite") return;
    const scripts = pageScripts(html);
    const bytes = scripts.map((src) => fs.readFileSync(path.join("build/client", src)));
    const raw = bytes.reduce((sum, file) => sum + file.length, 0);
    const gzipped = bytes.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
    console.log(
      `  JavaScript for the page: ${scripts.length} files, ${(raw / 1024).toFixed(1)} KB, ` +
        `${(gzipped / 1024).toFixed(1)} KB gzipped (target < 150 KB)`,
    );
  } finally {
    server.stop();
    const { prisma } = await import("~/utils/db.server");
    await prisma.$disconnect();
    database.remove();
  }
}

const provider = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
await runPagesBench(provider);
