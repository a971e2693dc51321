/**
 * Calendar figures: building a member's feed against ical-generator, and the
 * feed endpoint under load (full responses and 304s) against a bare node:http 304.
 * Runs the built app (npm run build) on a throwaway database.
 */
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import icalGenerator from "ical-generator";
import { benchLead, median, serveBenchApp, throwawayDatabase } from "./bench-support";

const RITUALS = 50;
const LOAD_SECONDS = 10;
const CONNECTIONS = 50;

async function load(label: string, url: string, headers: Record<string, string> = {}): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: LOAD_SECONDS, headers });
  const statuses = result.non2xx > 0 ? ` (${result.non2xx} answers were not 2xx, e.g. 304)` : "";
  console.log(
    `  ${label.padEnd(20)} ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms${statuses}`,
  );
  return result.requests.average;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

export async function runCalendarBench(): Promise<void> {
  const database = await throwawayDatabase();
  // Imported only now, so the client opens the throwaway database.
  const { createRitual } = await import("~/models/ritual.server");
  const { rotateFeedToken, feedContent } = await import("~/models/calendar-feed.server");
  const { memberFeed } = await import("~/calendar/member-feed");
  const { FEED_DAYS, feedWindow } = await import("~/calendar/calendar-response.server");
  const { expandValidRule } = await import("~/domain/recurrence");
  const { RITUAL_KINDS } = await import("~/domain/ritual-kinds");
  const { prisma } = await import("~/utils/db.server");

  const lead = await benchLead("bench@example.com");
  const zones = ["Europe/Berlin", "America/New_York", "Asia/Seoul", "Asia/Kolkata", "Australia/Sydney"];
  for (let i = 0; i < RITUALS; i++) {
    const kind = RITUAL_KINDS[i % 2]!; // check-ins and happy hours: no customer needed
    const created = await createRitual(
      lead.teamId,
      {
        kind,
        title: `Ritual ${i} 회의`,
        timeZone: zones[i % zones.length],
        startTime: `${String(8 + (i % 9)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
        startDate: "2026-01-05",
      },
      { hostIds: [lead.memberId] },
    );
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
  }
  const token = await rotateFeedToken(lead.memberId);

  // 1. Building the feed, in process, against ical-generator writing the same events.
  const labels = {
    kind: "Ritual",
    goEarly: (t: string) => `Go early: ${t}`,
    stayLate: (t: string) => `Stay late: ${t}`,
    roomOpensEarly: (m: number) => `Opens ${m} min early`,
    agenda: "Agenda",
    etiquette: "Etiquette",
    notes: "Notes",
  };
  const rituals = (await feedContent(lead.memberId))!.rituals.map((entry) => ({ ...entry, labels }));
  const window = feedWindow();
  const ours: number[] = [];
  const theirs: number[] = [];
  let events = 0;
  let text = "";
  for (let run = 0; run < 7; run++) {
    let start = performance.now();
    text = memberFeed("Bench", rituals, window, "https://rituals.example");
    ours.push(performance.now() - start);
    events = text.split("BEGIN:VEVENT").length - 1;
    start = performance.now();
    const calendar = icalGenerator({ name: "Bench" });
    for (const { ritual } of rituals) {
      for (const meeting of expandValidRule(ritual, window, [])) {
        const common = {
          location: ritual.videoUrl,
          url: "https://rituals.example/teams/x",
          categories: [{ name: "Ritual" }],
        };
        calendar.createEvent({
          ...common,
          id: `${ritual.id}-${meeting.start}`,
          start: new Date(meeting.start),
          end: new Date(meeting.end),
          summary: ritual.title,
        });
        calendar.createEvent({
          ...common,
          id: `${ritual.id}-${meeting.start}-e`,
          start: new Date(meeting.start - ritual.goEarlyMinutes * 60_000),
          end: new Date(meeting.start),
          summary: `Go early: ${ritual.title}`,
        });
        calendar.createEvent({
          ...common,
          id: `${ritual.id}-${meeting.start}-l`,
          start: new Date(meeting.end),
          end: new Date(meeting.end + ritual.stayLateMinutes * 60_000),
          summary: `Stay late: ${ritual.title}`,
        });
      }
    }
    calendar.toString();
    theirs.push(performance.now() - start);
  }
  const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  console.log(
    `\nFeed of a host of ${RITUALS} rituals, as series (${events} events) against ical-generator writing each meeting ` +
      `and block from ${FEED_DAYS.back} days back to ${FEED_DAYS.ahead} days ahead:\n` +
      `  ours ${median(ours).toFixed(0)} ms (median of 7), ical-generator ${median(theirs).toFixed(0)} ms; ours / ical-generator = ${(median(ours) / median(theirs)).toFixed(2)}×\n` +
      `  size ${kilobytes(Buffer.byteLength(text))} (target < 300 KB), gzip ${kilobytes(zlib.gzipSync(text).length)}, brotli (quality 5) ${kilobytes(
        zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }).length,
      )}`,
  );

  // 2. The endpoint under load, against a bare node:http server answering 304.
  const server = await serveBenchApp(database.databaseUrl);
  try {
    const url = `${server.origin}/feeds/${token}.ics`;
    const etag = (await fetch(url)).headers.get("etag");
    if (!etag) throw new Error("the feed has no ETag");
    const bare = http.createServer((_request, response) => {
      response.writeHead(304, { ETag: etag, "Cache-Control": "private, max-age=900" });
      response.end();
    });
    const barePort = await listen(bare);
    console.log(`\nFeed endpoint, ${CONNECTIONS} connections for ${LOAD_SECONDS} s each (autocannon, loopback):`);
    // 304s first: full responses leave a queue behind them that would slow whatever runs next.
    const ours = await load("304 (ETag match):", url, { "If-None-Match": etag });
    const bareRate = await load("bare node:http 304:", `http://127.0.0.1:${barePort}/`, { "If-None-Match": etag });
    console.log(`  bare / ours for 304s = ${(bareRate / ours).toFixed(1)}× (target: within 3×)`);
    await load("full response:", url);
    await load("full, brotli:", url, { "Accept-Encoding": "gzip, deflate, br" });
    bare.close();
  } finally {
    server.stop();
    await prisma.$disconnect();
    database.remove();
  }
}
