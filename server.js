// Serves the built app: static assets with long caching, everything else through Remix.
// Unlike remix-serve it hands the client's address to the app, for sign-in throttling.
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
// Calendar apps poll feeds all day; a poll for an unchanged feed whose version the app has
// just looked up is answered here, without the database or the framework.
const { notModifiedHeaders } = build.entry.module;
app.get("/feeds/:file", (req, res, next) => {
  const headers = notModifiedHeaders(new URL(req.originalUrl, "http://localhost"), req.get("If-None-Match"));
  if (!headers) return next();
  res.writeHead(304, headers);
  res.end();
});
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
const server = app.listen(port, host, () => {
  console.log(`Rituals is running at http://localhost:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => server.close(() => process.exit(0)));
