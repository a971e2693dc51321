// Serves the built app: static assets with long caching, everything else through Remix.
// Unlike remix-serve it hands the client's address to the app, for sign-in throttling.
// One process per core (WEB_CONCURRENCY to choose): the first process starts and watches
// the others, which share the port and keep nothing another one needs, and one more process
// that sends the mail rounds.
import cluster from "node:cluster";
import crypto from "node:crypto";
import http from "node:http";
import os from "node:os";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

/** The mail process's niceness: its rounds take what CPU the serving processes leave. */
const MAIL_NICENESS = 10;

// Even one serving process runs under a supervisor, which also starts the mail process beside it.
const processes = Number(process.env.WEB_CONCURRENCY) || os.availableParallelism();
if (cluster.isPrimary) {
  superviseWorkers(processes);
} else if (process.env.RITUALS_PROCESS === "mail") {
  await sendMailRounds();
} else {
  await serve();
}

/**
 * Starts `count` serving workers and, once they all listen (the settings and
 * the database are then known to be good), the mail process; starts a new one
 * when one dies. A worker that dies before it listens (a setting or file the app
 * refuses) stops them all with its exit code, as a single process would,
 * instead of starting again and again.
 */
function superviseWorkers(count) {
  let stopping = false;
  const listening = new Set();
  let mailWorkerId = null;
  const startMailProcess = () => {
    mailWorkerId = cluster.fork({ RITUALS_PROCESS: "mail" }).id;
  };
  cluster.on("listening", (worker) => {
    listening.add(worker.id);
    // Once every serving process listens: its start-up then slows none of theirs.
    if (listening.size === count && mailWorkerId === null) startMailProcess();
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const stopped = `(${signal ?? `exit code ${code}`})`;
    if (worker.id === mailWorkerId) {
      // After a pause: a process that cannot start must not be started again and again at once.
      console.error(`The mail process stopped ${stopped}; starting another in a second.`);
      setTimeout(() => stopping || startMailProcess(), 1000);
      return;
    }
    if (!listening.has(worker.id)) {
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill();
      process.exitCode = code || 1;
      return;
    }
    console.error(`A server process stopped ${stopped}; starting another.`);
    cluster.fork();
  });
  for (let i = 0; i < count; i++) cluster.fork();
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
}

function loadBuild() {
  return import("./build/server/index.js").catch((error) => {
    // Database files the app cannot write are said plainly, without a stack trace.
    if (error?.name !== "DatabaseFilesError") throw error;
    console.error(error.message);
    process.exit(1);
  });
}

/**
 * Mail rounds (invites, reminders, agendas) and members' own calendars, read
 * again: a round reads every ritual, so it runs here, where no request waits on
 * it, and yields the CPU to the serving processes on a busy machine.
 */
async function sendMailRounds() {
  os.setPriority(MAIL_NICENESS);
  const stop = (await loadBuild()).entry.module.startMailScheduler();
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => (stop(), process.exit(0)));
}

async function serve() {
  const build = await loadBuild();
  const app = express();

  app.disable("x-powered-by");
  // Behind a reverse proxy, set TRUST_PROXY (e.g. "1" or "loopback") so the client address comes from X-Forwarded-For.
  if (process.env.TRUST_PROXY) {
    const trust = process.env.TRUST_PROXY;
    app.set("trust proxy", /^\d+$/.test(trust) ? Number(trust) : trust);
  }
  // Every response carries the security headers; forms from other sites, other methods and
  // bodies that are not forms are refused here (app/http-guard.server.ts says why).
  const { refusal, securityHeaders, guardedOrigin, requestTarget } = build.entry.module;
  app.use((req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.set(securityHeaders(res.locals.cspNonce));
    const refused = refusal(
      {
        method: req.method,
        url: req.url,
        contentLength: req.headers["content-length"],
        host: req.headers.host,
        origin: req.headers.origin,
        referer: req.headers.referer,
        secFetchSite: req.headers["sec-fetch-site"],
        contentType: req.headers["content-type"],
      },
      guardedOrigin,
    );
    if (!refused) return next();
    if (refused.unreadBody) closeLingering(req.socket, res);
    res
      .status(refused.status)
      .set(refused.headers ?? {})
      .type("text/plain; charset=utf-8")
      .send(refused.message);
  });
  /**
   * Closes the connection after the answer the way nginx's lingering close does: the
   * answer and a FIN go out, what the client is still uploading is read and dropped for
   * a second, then the socket closes. Closing at once would reset a connection with
   * unread data, and the client could lose the answer.
   */
  function closeLingering(socket, res) {
    res.set("Connection", "close");
    socket.destroySoon = () => {
      socket.end();
      setTimeout(() => socket.destroy(), 1000).unref();
    };
  }
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({ clientAddress: req.ip ?? "unknown", cspNonce: res.locals.cspNonce }),
    }),
  );

  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST;
  // Calendar apps poll feeds all day, most of this server's traffic: polls are answered here,
  // before Express and the framework. One whose version was just looked up needs not even the
  // database; the others cost one look-up. A wrong token or a failure goes on to the app, which
  // answers it as it answers any other request.
  const { notModifiedHeaders, answerFeedPoll } = build.entry.module;
  // Without a nonce the security headers never change: made once for the polls.
  const feedSecurityHeaders = securityHeaders();
  const server = http.createServer((req, res) => {
    const target = requestTarget(req.url ?? "");
    if (target === null) {
      res.writeHead(400, { ...securityHeaders(), "Content-Type": "text/plain; charset=utf-8" });
      res.end("This is no address of a page here.");
      return;
    }
    req.url = target;
    if ((req.method === "GET" || req.method === "HEAD") && req.url.startsWith("/feeds/")) {
      const known = notModifiedHeaders(req.url, req.headers["if-none-match"]);
      if (known) {
        res.writeHead(304, { ...feedSecurityHeaders, ...known });
        res.end();
        return;
      }
      const ask = {
        ifNoneMatch: req.headers["if-none-match"] ?? null,
        acceptEncoding: req.headers["accept-encoding"] ?? null,
      };
      answerFeedPoll(req.url, ask).then(
        (answer) => {
          if (!answer) return app(req, res);
          res.writeHead(answer.status, { ...feedSecurityHeaders, ...answer.headers });
          res.end(req.method === "HEAD" ? undefined : (answer.body ?? undefined));
        },
        () => app(req, res),
      );
      return;
    }
    app(req, res);
  });
  server.listen(port, host, () => {
    // Said once, by the first worker.
    if (cluster.worker?.id === 1) console.log(`Rituals is running at http://localhost:${port}`);
    // Each mail goes once whichever process or instance sends it (the database decides). A worker
    // delivers at once the mail someone waits for; rounds run in the supervising process.
    build.entry.module.startMailScheduler({ rounds: false });
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => server.close(() => process.exit(0)));
}
