// Serves the built app: static assets with long caching, everything else through Remix.
// Unlike remix-serve it hands the client's address to the app, for sign-in throttling.
import crypto from "node:crypto";
import http from "node:http";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const build = await import("./build/server/index.js").catch((error) => {
  // Database files the app cannot write are said plainly, without a stack trace.
  if (error?.name !== "DatabaseFilesError") throw error;
  console.error(error.message);
  process.exit(1);
});
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
// Calendar apps poll feeds all day: a poll for an unchanged feed whose version the app has
// just looked up is answered here, before Express, without the database or the framework.
const { notModifiedHeaders } = build.entry.module;
const server = http.createServer((req, res) => {
  const target = requestTarget(req.url ?? "");
  if (target === null) {
    res.writeHead(400, { ...securityHeaders(), "Content-Type": "text/plain; charset=utf-8" });
    res.end("This is no address of a page here.");
    return;
  }
  req.url = target;
  if (req.method === "GET" && req.url?.startsWith("/feeds/")) {
    const headers = notModifiedHeaders(new URL(req.url, "http://localhost"), req.headers["if-none-match"]);
    if (headers) {
      res.writeHead(304, { ...securityHeaders(), ...headers });
      res.end();
      return;
    }
  }
  app(req, res);
});
server.listen(port, host, () => {
  console.log(`Rituals is running at http://localhost:${port}`);
  // Invites, reminders and agendas: sent from every instance, each mail once (the database decides who sends it).
  build.entry.module.startMailScheduler();
});
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => server.close(() => process.exit(0)));
