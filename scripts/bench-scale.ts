/**
 * A company's calendars on one database (sqlite, or postgresql with two
 * instances): `npm run bench:scale` runs both, after a build.
 *
 *   tsx scripts/bench-scale.ts sqlite|postgresql [--teams 200] [--members 25] [--seconds 30]
 *
 * Seeds N teams of M members with the app's own models (four rituals a team,
 * everyone on each, two hosts), subscribes everyone, adds the 30-member team
 * of 60 rituals the page figures use, then prints: calendar apps polling
 * random members' feeds as Google's does (56 polls a second: 50,000 people
 * polled every 15 minutes; no If-None-Match, gzip) with the server's CPU; the
 * schedule, ritual and meeting pages meanwhile; the most polls a second it
 * answers; and 304s against a bare node:http server.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import {
  type BenchDatabase,
  cpuSeconds,
  median,
  percentile,
  seedPageTeam,
  serveBenchApp,
  signIn,
  throwawayDatabase,
} from "./bench-support";
import type { ServedApp } from "../tests/setup/app-server";
import { freePort } from "../tests/setup/free-port";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const provider: BenchDatabase = args[0] === "postgresql" ? "postgresql" : "sqlite";
const TEAMS = option("teams", 200);
const MEMBERS = option("members", 25);
const SECONDS = option("seconds", 30);
/** 50,000 people whose calendar apps poll every 15 minutes. */
const POLLS_PER_SECOND = 56;
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Seoul", "Asia/Kolkata", "Australia/Sydney"];

async function seedCompany(): Promise<string[]> {
  const { createTeamWithOwner } = await import("~/models/team.server");
  const { createMember } = await import("~/models/member.server");
  const { createRitual } = await import("~/models/ritual.server");
  const { rotateFeedToken } = await import("~/models/calendar-feed.server");
  const { createUser } = await import("~/models/user.server");
  const { prisma } = await import("~/utils/db.server");
  const user = await createUser({
    name: "Company lead",
    email: "company@bench.example",
    password: "bench password 123",
  });
  if (!user.ok) throw new Error("bench user");
  const tokens: string[] = [];
  const started = performance.now();
  for (let t = 0; t < TEAMS; t++) {
    const zone = ZONES[t % ZONES.length]!;
    const team = await createTeamWithOwner(user.value, {
      teamName: `Team ${t}`,
      teamTimeZone: zone,
      name: `Lead ${t}`,
      timeZone: zone,
    });
    if (!team.ok) throw new Error(JSON.stringify(team.errors));
    const lead = await prisma.member.findFirstOrThrow({ where: { teamId: team.value.id }, select: { id: true } });
    const memberIds = [lead.id];
    for (let m = 1; m < MEMBERS; m++) {
      const member = await createMember(team.value.id, {
        name: `Member ${t}-${m}`,
        email: `m${m}@team${t}.bench.example`,
        timeZone: ZONES[(t + m) % ZONES.length],
      });
      if (!member.ok) throw new Error(JSON.stringify(member.errors));
      memberIds.push(member.value.id);
    }
    const rituals = [
      { kind: "check-in", title: "Team check-in", startTime: "10:00" },
      { kind: "happy-hour", title: "Happy hour", startTime: "16:30" },
      { kind: "check-in", title: "Planning", startTime: "09:00" },
      { kind: "happy-hour", title: "Coffee", startTime: "13:00" },
    ] as const;
    for (const [r, ritual] of rituals.entries()) {
      const saved = await createRitual(
        team.value.id,
        { ...ritual, timeZone: zone, startDate: "2026-01-05" },
        { hostIds: [memberIds[0]!, memberIds[1 + r]!], participantIds: memberIds.slice(1) },
      );
      if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    }
    for (const memberId of memberIds) tokens.push(await rotateFeedToken(memberId));
    if ((t + 1) % 50 === 0) {
      console.log(`  seeded ${t + 1} teams (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  return tokens;
}

function randomFeed(tokens: string[]) {
  return `/feeds/${tokens[Math.floor(Math.random() * tokens.length)]}.ics`;
}

/** Calendar apps polling random members' feeds as Google's does: gzip, no If-None-Match. */
const POLL_HEADERS = { "accept-encoding": "gzip" };

type PollFigures = Awaited<ReturnType<typeof pollAtRate>>;

/**
 * `pollAtRate` in a process of its own, as calendar apps are elsewhere: the
 * pages timed meanwhile do not wait on its event loop, nor it on theirs.
 */
function pollInProcess(servers: ServedApp[], tokens: string[], rate: number, seconds: number): Promise<PollFigures> {
  const job = path.join(os.tmpdir(), `rituals-poll-${process.pid}-${Date.now()}.json`);
  fs.writeFileSync(job, JSON.stringify({ origins: servers.map((server) => server.origin), tokens, rate, seconds }));
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "poll", job], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => {
      fs.rmSync(job, { force: true });
      if (code === 0) resolve(JSON.parse(output) as PollFigures);
      else reject(new Error(`the poller stopped with ${code}`));
    }),
  );
}

/**
 * Polls at a steady `rate` a second, spread over the instances, each sent on
 * time whether or not earlier ones were answered (as independent calendar apps
 * do), each timed from its own sending.
 */
async function pollAtRate(origins: string[], tokens: string[], rate: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const times: number[] = [];
  const errors: string[] = [];
  const one = (origin: string) =>
    new Promise<void>((resolve) => {
      const sent = performance.now();
      const request = http.get(`${origin}${randomFeed(tokens)}`, { agent, headers: POLL_HEADERS }, (response) => {
        response.resume();
        response.on("end", () => {
          if (response.statusCode === 200) times.push(performance.now() - sent);
          else errors.push(`HTTP ${response.statusCode}`);
          resolve();
        });
      });
      request.on("error", (error: NodeJS.ErrnoException) => {
        errors.push(error.code ?? error.message);
        resolve();
      });
    });
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(one(origins[i % origins.length]!));
  }
  await Promise.all(pending);
  agent.destroy();
  return {
    perSecond: times.length / ((performance.now() - start) / 1000),
    errors: errors.length > 0 ? `${errors.length} (${[...new Set(errors)].join(", ")})` : "0",
    p50: median(times).toFixed(1),
    p99: percentile(times, 0.99).toFixed(1),
  };
}

/** As many polls as the instances answer, from 32 connections at once. */
async function pollFlat(servers: ServedApp[], tokens: string[], seconds: number) {
  const results = await Promise.all(
    servers.map((server) =>
      autocannon({
        url: server.origin,
        connections: 32 / servers.length,
        duration: seconds,
        headers: POLL_HEADERS,
        requests: [{ setupRequest: (request) => ({ ...request, path: randomFeed(tokens) }) }],
      }),
    ),
  );
  const total = (pick: (result: autocannon.Result) => number) => results.reduce((sum, r) => sum + pick(r), 0);
  return {
    perSecond: total((r) => r.requests.average),
    errors: total((r) => r.errors + r.timeouts + r.non2xx),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

/**
 * Each page asked for in turn, one request at a time, until `until`, from the
 * instances in turn as a load balancer would send them: their times in ms.
 */
async function pageTimes(origins: string[], paths: Record<string, string>, cookie: string, until: number) {
  const times = Object.fromEntries(Object.keys(paths).map((name) => [name, [] as number[]]));
  for (let turn = 0; performance.now() < until; turn++) {
    for (const [name, path] of Object.entries(paths)) {
      const url = `${origins[turn % origins.length]}${path}`;
      const start = performance.now();
      const response = await fetch(url, { headers: { Cookie: cookie, "Accept-Language": "en" } });
      await response.text();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      times[name]!.push(performance.now() - start);
    }
  }
  return times;
}

/**
 * A bare node:http server that answers every request with a 304, run as ours
 * is (one process per core, or one), so the two are compared alike.
 */
async function bareNotModified(etag: string, processes: number): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const code = `
    const cluster = require("node:cluster");
    if (cluster.isPrimary && ${processes} > 1) { for (let i = 0; i < ${processes}; i++) cluster.fork(); }
    else require("node:http").createServer((q, s) => { s.writeHead(304, { ETag: ${JSON.stringify(etag)},
      "Cache-Control": "private, max-age=900" }); s.end(); }).listen(${port}, "127.0.0.1");`;
  // A file, not `node -e`: cluster workers run the primary's script again.
  const script = path.join(os.tmpdir(), `rituals-bare-304-${process.pid}.cjs`);
  fs.writeFileSync(script, code);
  const child = spawn(process.execPath, [script], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 50; i++) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () => {
      child.kill();
      fs.rmSync(script, { force: true });
    },
  };
}

async function notModifiedRate(url: string, etag: string): Promise<number> {
  const result = await autocannon({ url, connections: 32, duration: 10, headers: { "if-none-match": etag } });
  if (result.non2xx !== result.requests.total && result.non2xx === 0) throw new Error("no 304s");
  return result.requests.average;
}

async function run(): Promise<void> {
  const label = provider === "sqlite" ? "SQLite, one instance" : "PostgreSQL, two instances";
  console.log(
    `\n${label}: ${TEAMS} teams × ${MEMBERS} members (${TEAMS * MEMBERS} feeds, ${TEAMS * 4} rituals), ` +
      `Node ${process.version} on ${os.availableParallelism()} × ${os.cpus()[0]?.model ?? "unknown CPU"}`,
  );
  const database = await throwawayDatabase(provider);
  const servers: ServedApp[] = [];
  try {
    const tokens = await seedCompany();
    const pageTeam = await seedPageTeam();
    const { prisma } = await import("~/utils/db.server");
    const { expandValidRule } = await import("~/domain/recurrence");
    const { getRitual } = await import("~/models/ritual.server");
    const { meetingKey } = await import("~/domain/meeting-key");
    const ritualId = (
      await prisma.ritual.findFirstOrThrow({ where: { teamId: pageTeam.teamId }, select: { id: true } })
    ).id;
    const ritual = (await getRitual(pageTeam.teamId, ritualId))!;
    const [meeting] = expandValidRule(ritual, {
      from: Date.parse("2026-03-23T00:00:00Z"),
      to: Date.parse("2026-03-30T00:00:00Z"),
    });
    await prisma.$disconnect();

    // SQLite: one instance, a process per core. PostgreSQL: two instances of one serving process each,
    // as two one-core machines would be.
    const instances = provider === "sqlite" ? [{}] : [{ WEB_CONCURRENCY: "1" }, { WEB_CONCURRENCY: "1" }];
    for (const env of instances) servers.push(await serveBenchApp(database.databaseUrl, env));
    const pids = servers.map((server) => server.pid);

    // Every feed built once: what the first poll of each member costs after a restart of everything.
    let started = performance.now();
    const cpuBefore = cpuSeconds(pids);
    for (let i = 0; i < tokens.length; i += 16) {
      await Promise.all(
        tokens.slice(i, i + 16).map(async (token, j) => {
          const origin = servers[(i + j) % servers.length]!.origin;
          const response = await fetch(`${origin}/feeds/${token}.ics`, { headers: { "accept-encoding": "gzip" } });
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`feed answered ${response.status}`);
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  first poll of every feed (each built once): ${tokens.length} in ${seconds.toFixed(1)} s, ` +
        `${(cpuSeconds(pids) - cpuBefore).toFixed(1)} CPU s`,
    );

    const cookie = await signIn(servers[0]!.origin);
    const page = (path: string) => `/teams/${pageTeam.teamId}${path}`;
    const origins = servers.map((server) => server.origin);
    const pagePaths = {
      schedule: page("/schedule?week=2026-03-23"),
      ritual: page(`/rituals/${ritualId}`),
      meeting: page(`/rituals/${ritualId}/meetings/${meetingKey(meeting!.originalStart)}`),
    };
    await pageTimes(origins, pagePaths, cookie, performance.now() + 3000); // warm

    // Google-style polling at 56 a second: alone, for its own cost; then with the pages asked for meanwhile.
    started = performance.now();
    const cpuAtStart = cpuSeconds(pids);
    const alone = await pollInProcess(servers, tokens, POLLS_PER_SECOND, SECONDS);
    const cores = (cpuSeconds(pids) - cpuAtStart) / ((performance.now() - started) / 1000);
    console.log(
      `  ${POLLS_PER_SECOND} polls/s over ${tokens.length} feeds for ${SECONDS} s: ${alone.perSecond.toFixed(0)}/s answered, ` +
        `p50 ${alone.p50} ms, p99 ${alone.p99} ms, ${alone.errors} errors, server CPU ${cores.toFixed(2)} cores ` +
        `(targets: p99 < 50 ms, 0 errors, < 0.5 core)`,
    );
    const polling = pollInProcess(servers, tokens, POLLS_PER_SECOND, SECONDS);
    const pages = await pageTimes(origins, pagePaths, cookie, performance.now() + SECONDS * 1000 - 1000);
    const meanwhile = await polling;
    console.log(
      `  the pages of a team of 30 with 60 rituals, asked one after the other while the polling goes on ` +
        `(polls meanwhile: p99 ${meanwhile.p99} ms, ${meanwhile.errors} errors; target for pages: p99 < 100 ms):`,
    );
    for (const [name, times] of Object.entries(pages)) {
      console.log(
        `    ${`${name} page`.padEnd(14)} p50 ${median(times).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms ` +
          `(${times.length} requests)`,
      );
    }

    const flat = await pollFlat(servers, tokens, 15);
    console.log(
      `  unthrottled: ${flat.perSecond.toFixed(0)} polls/s, p50 ${flat.p50} ms, p99 ${flat.p99} ms, ${flat.errors} errors ` +
        `(target ≥ 500/s)`,
    );

    const feedUrl = `${servers[0]!.origin}/feeds/${tokens[0]}.ics`;
    const etag = (await fetch(feedUrl)).headers.get("etag")!;
    const bare = await bareNotModified(etag, provider === "sqlite" ? os.availableParallelism() : 1);
    const ours = await notModifiedRate(feedUrl, etag);
    const theirs = await notModifiedRate(bare.url, etag);
    bare.stop();
    console.log(
      `  304s: ${ours.toFixed(0)}/s, bare node:http ${theirs.toFixed(0)}/s; bare / ours = ${(theirs / ours).toFixed(2)}× ` +
        `(target within 2×)`,
    );
  } finally {
    for (const server of servers) server.stop();
    database.remove();
  }
}

if (args[0] === "poll") {
  const job = JSON.parse(fs.readFileSync(args[1]!, "utf8")) as {
    origins: string[];
    tokens: string[];
    rate: number;
    seconds: number;
  };
  process.stdout.write(JSON.stringify(await pollAtRate(job.origins, job.tokens, job.rate, job.seconds)));
} else {
  await run();
}
