/**
 * Calendar apps poll feeds often, and Google's never sends If-None-Match. Two
 * small in-process caches keep that cheap: a feed's current ETag for a few
 * seconds (so a burst of polls costs one look at the database), and recently
 * built bodies by ETag (so an unchanged feed is built once). Changes show up in
 * a feed at most ETAG_SECONDS late.
 */
import { feedWindow } from "../calendar/calendar-response.server";
import { isSupportedLanguage, type SupportedLanguage } from "../i18n/config";

const ETAG_SECONDS = 5;
const MAX_ETAGS = 10_000;
const MAX_BODY_CHARS = 64 * 1024 * 1024;

const etags = new Map<string, { etag: string; expires: number }>();
const bodies = new Map<string, string>();
let bodyChars = 0;

/** Calendar apps poll every few minutes to hours; let them keep a feed a while, then ask with If-None-Match. */
export const FEED_CACHE_CONTROL = "private, max-age=900";

/** What a feed request asks for: whose feed, in which language, and the cache key of its current version. */
export function feedRequest(url: URL, now = Date.now()): { token: string; language: SupportedLanguage; key: string } {
  const token = /^\/feeds\/([^/]+)\.ics$/.exec(url.pathname)?.[1] ?? "";
  const requested = url.searchParams.get("lang");
  const language = isSupportedLanguage(requested) ? requested : "en";
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

export function matches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  return ifNoneMatch?.split(",").some((tag) => tag.trim() === etag) ?? false;
}

export async function cachedEtag(key: string, compute: () => Promise<string>, now = Date.now()): Promise<string> {
  const hit = etags.get(key);
  if (hit && hit.expires > now) return hit.etag;
  const etag = await compute();
  if (etags.size >= MAX_ETAGS) etags.clear();
  etags.set(key, { etag, expires: now + ETAG_SECONDS * 1000 });
  return etag;
}

export async function cachedBody(etag: string, build: () => Promise<string>): Promise<string> {
  const hit = bodies.get(etag);
  if (hit !== undefined) {
    // Most recently used last, so the oldest go first.
    bodies.delete(etag);
    bodies.set(etag, hit);
    return hit;
  }
  const body = await build();
  bodies.set(etag, body);
  bodyChars += body.length;
  for (const [oldest, old] of bodies) {
    if (bodyChars <= MAX_BODY_CHARS || oldest === etag) break;
    bodies.delete(oldest);
    bodyChars -= old.length;
  }
  return body;
}
