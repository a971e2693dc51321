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
  type BenchDatabase,
  median,
  PAGE_TEAM,
  percentile,
  seedPageTeam,
  serveBenchApp,
  signIn,
  throwawayDatabase,
} from "./bench-support";

const REQUESTS = 300;

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
  const { teamId, leadId } = await seedPageTeam();
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
      `\n${provider === "sqlite" ? "SQLite" : "PostgreSQL"}: schedule page and feed poll, ${PAGE_TEAM.members} members and ` +
        `${PAGE_TEAM.rituals} rituals (${items} meetings in the lead's week), ${REQUESTS} sequential requests each:`,
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
