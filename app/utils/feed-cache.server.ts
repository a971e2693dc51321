/**
 * Calendar apps poll feeds all day, and Google's never sends If-None-Match. Each
 * process keeps the feeds it served lately, compressed, by their stamp (the
 * feed's version and window), so an unchanged feed costs the one look-up that
 * reads its version; and a feed's ETag for a few seconds, so a poll that
 * already has it is answered before the app runs at all (at most ETAG_SECONDS late).
 */
import { promisify } from "node:util";
import zlib from "node:zlib";
import Negotiator from "negotiator";
import { feedWindow } from "~/calendar/calendar-response.server";
import { isLanguage, type Language } from "~/domain/languages";

const ETAG_SECONDS = 5;
const MAX_ETAGS = 10_000;
const MAX_BUILD_BYTES = 64 * 1024 * 1024;

/** A feed built for one stamp, compressed both ways (identity is unpacked from gzip for the rare app that wants it). */
export interface FeedBuild {
  stamp: string;
  etag: string;
  gzip: Uint8Array<ArrayBuffer>;
  brotli: Uint8Array<ArrayBuffer>;
}

const etags = new Map<string, { etag: string; expires: number }>();
const builds = new Map<string, FeedBuild>();
const loading = new Map<string, Promise<FeedBuild | null>>();
let buildBytes = 0;

/** Calendar apps poll every few minutes to hours; let them keep a feed a while, then ask with If-None-Match. */
export const FEED_CACHE_CONTROL = "private, max-age=900";

/**
 * What a feed request asks for, from its target ("/feeds/TOKEN.ics?lang=ko"):
 * whose feed, in which language, and the key its ETag is remembered by.
 */
export function feedRequest(target: string, now = Date.now()): { token: string; language: Language; key: string } {
  const query = target.indexOf("?");
  const path = query < 0 ? target : target.slice(0, query);
  const token = /^\/feeds\/([^/]+)\.ics$/.exec(path)?.[1] ?? "";
  const requested = query < 0 ? null : new URLSearchParams(target.slice(query + 1)).get("lang");
  const language = isLanguage(requested) ? requested : "en";
  return { token, language, key: `${token}|${language}|${feedWindow(now).from}` };
}

/**
 * The headers of a 304, when the feed was served here within the last few
 * seconds and the app already has that version; else null. Needs no database,
 * so the server answers such polls before the app runs at all.
 */
export function notModifiedHeaders(target: string, ifNoneMatch: string | undefined, now = Date.now()) {
  const hit = etags.get(feedRequest(target, now).key);
  if (!hit || hit.expires <= now || !matches(ifNoneMatch, hit.etag)) return null;
  return { ETag: hit.etag, "Cache-Control": FEED_CACHE_CONTROL };
}

/** Remembers the ETag a feed request was just answered with. */
export function rememberEtag(key: string, etag: string, now = Date.now()): void {
  if (etags.size >= MAX_ETAGS) etags.clear();
  etags.set(key, { etag, expires: now + ETAG_SECONDS * 1000 });
}

/**
 * If-None-Match as RFC 9110 reads it: "*" matches any current version, and a
 * list matches when one of its tags is ours by weak comparison (W/ aside).
 */
export function matches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag || ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/**
 * The feed `key` (a feed and a language) as built for `stamp`: from memory, or
 * else from `load` (which reads or builds it), called once however many polls
 * wait for it. Null when `load` finds no feed.
 */
export async function rememberedBuild(
  key: string,
  stamp: string,
  load: () => Promise<FeedBuild | null>,
): Promise<FeedBuild | null> {
  const hit = builds.get(key);
  if (hit?.stamp === stamp) {
    // Most recently used last, so the oldest go first.
    builds.delete(key);
    builds.set(key, hit);
    return hit;
  }
  const pendingKey = `${key}|${stamp}`;
  let pending = loading.get(pendingKey);
  if (!pending) {
    pending = load().finally(() => loading.delete(pendingKey));
    loading.set(pendingKey, pending);
  }
  const build = await pending;
  if (build?.stamp === stamp) remember(key, build);
  return build;
}

function remember(key: string, build: FeedBuild): void {
  const size = (entry: FeedBuild) => entry.gzip.byteLength + entry.brotli.byteLength;
  const old = builds.get(key);
  if (old) {
    builds.delete(key);
    buildBytes -= size(old);
  }
  builds.set(key, build);
  buildBytes += size(build);
  for (const [oldest, entry] of builds) {
    if (buildBytes <= MAX_BUILD_BYTES || oldest === key) break;
    builds.delete(oldest);
    buildBytes -= size(entry);
  }
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** A feed's text compressed both ways, once per version. */
export async function compressFeed(text: string): Promise<Pick<FeedBuild, "gzip" | "brotli">> {
  const [gzipped, brotlied] = await Promise.all([
    gzip(text, { level: 9 }),
    brotli(text, {
      params: {
        // Quality 11 takes a hundred times longer on a large feed for a tenth less.
        [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(text),
      },
    }),
  ]);
  return { gzip: new Uint8Array(gzipped), brotli: new Uint8Array(brotlied) };
}

/** The content coding to answer with: brotli, else gzip, among those the client accepts; null for none. */
export function feedEncoding(acceptEncoding: string | null): "br" | "gzip" | null {
  const offered = ["br", "gzip", "identity"];
  const negotiator = new Negotiator({ headers: { "accept-encoding": acceptEncoding ?? undefined } });
  const chosen = negotiator.encoding(offered, { preferred: offered });
  return chosen === "br" || chosen === "gzip" ? chosen : null;
}

/** The build's body in `encoding` (null: plain text). */
export function feedBody(build: FeedBuild, encoding: "br" | "gzip" | null): Uint8Array<ArrayBuffer> {
  if (encoding === "br") return build.brotli;
  if (encoding === "gzip") return build.gzip;
  return new Uint8Array(zlib.gunzipSync(build.gzip));
}
