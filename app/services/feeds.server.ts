/**
 * A member's subscription feed as calendar apps poll it. The database raises a
 * feed's version whenever something in it changes (its triggers), so a poll
 * reads that version with one indexed look-up and, while it is current, is
 * answered from the build this process remembers, or the one any instance
 * stored; only a changed feed (or a new day) is built and compressed again.
 */
import crypto from "node:crypto";
import { memberFeed } from "~/calendar/member-feed";
import { calendarLabels, downloadHeaders, feedWindow } from "~/calendar/calendar-response.server";
import type { Language } from "~/domain/languages";
import { translatorFor } from "~/i18n/i18next.server";
import { feedContent, findFeed, findFeedBuild, saveFeedBuild } from "~/models/calendar-feed.server";
import { env } from "~/utils/env.server";
import {
  compressFeed,
  FEED_CACHE_CONTROL,
  feedBody,
  feedEncoding,
  feedRequest,
  matches,
  rememberedBuild,
  rememberEtag,
  type FeedBuild,
} from "~/utils/feed-cache.server";

/** The feed a token opens, as it stands now in `language`; null for a wrong or revoked token. */
export async function currentFeed(token: string, language: Language, now = Date.now()): Promise<FeedBuild | null> {
  const feed = await findFeed(token);
  if (!feed) return null;
  const window = feedWindow(now);
  const stamp = `${feed.version}|${window.from}`;
  return rememberedBuild(`${feed.id}|${language}`, stamp, async () => {
    const stored = await findFeedBuild(feed.id, language);
    if (stored?.stamp === stamp) return stored;
    const member = await feedContent(feed.memberId);
    if (!member) return null;
    const t = await translatorFor(language);
    const rituals = member.rituals.map((entry) => ({ ...entry, labels: calendarLabels(t, entry.ritual.kind) }));
    const text = memberFeed(`Rituals · ${member.name}`, rituals, window, env.appUrl);
    // The tag follows the content, not when it was written: a rebuild that changes nothing keeps apps' copies current.
    const content = text.replace(/^DTSTAMP:.*\r\n/gm, "");
    const etag = `W/"${crypto.createHash("sha1").update(content).digest("base64url")}"`;
    const build = { stamp, etag, ...(await compressFeed(text)) };
    await saveFeedBuild(feed.id, language, build);
    return build;
  });
}

/** What a poll is answered: the status, its headers, and the body (none for a 304). */
export interface FeedAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

/**
 * A poll of the feed at `target` (its path and query): 304 when the app has this version, else the
 * feed in the best encoding it accepts; null for a wrong or revoked token.
 * The route answers with it, and so does the server, before the framework, for
 * the polls that make most of its traffic.
 */
export async function answerFeedPoll(
  target: string,
  ask: { ifNoneMatch: string | null; acceptEncoding: string | null },
): Promise<FeedAnswer | null> {
  const { token, language, key } = feedRequest(target);
  const build = await currentFeed(token, language);
  if (!build) return null;
  rememberEtag(key, build.etag);
  const headers = { ETag: build.etag, "Cache-Control": FEED_CACHE_CONTROL, Vary: "Accept-Encoding" };
  if (matches(ask.ifNoneMatch, build.etag)) return { status: 304, headers, body: null };
  const encoding = feedEncoding(ask.acceptEncoding);
  return {
    status: 200,
    headers: {
      ...downloadHeaders("rituals.ics", "text/calendar"),
      ...headers,
      ...(encoding ? { "Content-Encoding": encoding } : {}),
    },
    body: feedBody(build, encoding),
  };
}
