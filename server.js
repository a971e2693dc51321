// Serves the built app: static assets with long caching, everything else through Remix.
// Unlike remix-serve it hands the client's address to the app, for sign-in throttling.
import http from "node:http";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const build = await import("./build/server/index.js");
const app = express();

app.disable("x-powered-by");
// Behind a reverse proxy, set TRUST_PROXY (e.g. "1" or "loopback") so the client address comes from X-Forwarded-For.
if (process.env.TRUST_PROXY) {
  const trust = process.env.TRUST_PROXY;
  app.set("trust proxy", /^\d+$/.test(trust) ? Number(trust) : trust);
}
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientAddress: req.ip ?? "unknown" }),
  }),
);

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST;
// Calendar apps poll feeds all day: a poll for an unchanged feed whose version the app has
// just looked up is answered here, before Express, without the database or the framework.
const { notModifiedHeaders } = build.entry.module;
const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url?.startsWith("/feeds/")) {
    const headers = notModifiedHeaders(new URL(req.url, "http://localhost"), req.headers["if-none-match"]);
    if (headers) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
  }
  app(req, res);
});
server.listen(port, host, () => {
  console.log(`Rituals is running at http://localhost:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => server.close(() => process.exit(0)));
