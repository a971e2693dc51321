/**
 * Calendar apps poll feeds often, and Google's never sends If-None-Match. Two
 * small in-process caches keep that cheap: a feed's current ETag for a few
 * seconds (so a burst of polls costs one look at the database), and recently
 * built bodies by ETag, plain and compressed (so an unchanged feed is built and
 * compressed once). Changes show up in a feed at most ETAG_SECONDS late.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";
import Negotiator from "negotiator";
import { feedWindow } from "~/calendar/calendar-response.server";
import { isLanguage, type Language } from "~/domain/languages";

const ETAG_SECONDS = 5;
const MAX_ETAGS = 10_000;
const MAX_BODY_CHARS = 64 * 1024 * 1024;

const etags = new Map<string, { etag: string; expires: number }>();
const bodies = new Map<string, string | Uint8Array>();
let bodyChars = 0;

/** Calendar apps poll every few minutes to hours; let them keep a feed a while, then ask with If-None-Match. */
export const FEED_CACHE_CONTROL = "private, max-age=900";

/** What a feed request asks for: whose feed, in which language, and the cache key of its current version. */
export function feedRequest(url: URL, now = Date.now()): { token: string; language: Language; key: string } {
  const token = /^\/feeds\/([^/]+)\.ics$/.exec(url.pathname)?.[1] ?? "";
  const requested = url.searchParams.get("lang");
  const language = isLanguage(requested) ? requested : "en";
  return { token, language, key: `${token}|${language}|${feedWindow(now).from}` };
}

/**
 * The headers of a 304, when the feed's ETag is known and fresh and the app
 * already has it; else null. Needs no database, so the server answers most
 * polls with it before the app runs at all.
 */
export function notModifiedHeaders(url: URL, ifNoneMatch: string | undefined, now = Date.now()) {
  const hit = etags.get(feedRequest(url, now).key);
  if (!hit || hit.expires <= now || !hit.etag || !matches(ifNoneMatch, hit.etag)) return null;
  return { ETag: hit.etag, "Cache-Control": FEED_CACHE_CONTROL };
}

/**
 * If-None-Match as RFC 9110 reads it: "*" matches any current version, and a
 * list matches when one of its tags is ours by weak comparison (W/ aside).
 */
export function matches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
}

export async function cachedEtag(key: string, compute: () => Promise<string>, now = Date.now()): Promise<string> {
  const hit = etags.get(key);
  if (hit && hit.expires > now) return hit.etag;
  const etag = await compute();
  if (etags.size >= MAX_ETAGS) etags.clear();
  etags.set(key, { etag, expires: now + ETAG_SECONDS * 1000 });
  return etag;
}

/** A feed's body (or its compressed form) by a key that changes with its content: built once, kept while room lasts. */
export async function cachedBody<Body extends string | Uint8Array>(
  key: string,
  build: () => Promise<Body>,
): Promise<Body> {
  const hit = bodies.get(key);
  if (hit !== undefined) {
    // Most recently used last, so the oldest go first.
    bodies.delete(key);
    bodies.set(key, hit);
    return hit as Body;
  }
  const body = await build();
  bodies.set(key, body);
  bodyChars += body.length;
  for (const [oldest, old] of bodies) {
    if (bodyChars <= MAX_BODY_CHARS || oldest === key) break;
    bodies.delete(oldest);
    bodyChars -= old.length;
  }
  return body;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIONS = {
  br: (body: string) =>
    brotli(body, {
      // Quality 11 takes seconds on a large feed; 5 is nearly as small.
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
  gzip: (body: string) => gzip(body),
};

/** The content coding to answer with: brotli, else gzip, among those the client accepts; null for none. */
export function feedEncoding(acceptEncoding: string | null): keyof typeof COMPRESSIONS | null {
  const offered = ["br", "gzip", "identity"];
  const negotiator = new Negotiator({ headers: { "accept-encoding": acceptEncoding ?? undefined } });
  const chosen = negotiator.encoding(offered, { preferred: offered });
  return chosen === "br" || chosen === "gzip" ? chosen : null;
}

/** The feed's body compressed with `encoding`, made once per version. */
export function compressedBody(
  etag: string,
  encoding: keyof typeof COMPRESSIONS,
  body: string,
): Promise<Uint8Array<ArrayBuffer>> {
  return cachedBody(`${etag}|${encoding}`, async () => new Uint8Array(await COMPRESSIONS[encoding](body)));
}
