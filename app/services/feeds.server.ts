/**
 * A member's subscription feed as calendar apps poll it. The database raises a
 * feed's version whenever something in it changes (its triggers), so a poll
 * reads that version with one indexed look-up and, while it is current, is
 * answered from the build this process remembers, or the one any instance
 * stored; only a changed feed (or a new day) is built and compressed again.
 */
import crypto from "node:crypto";
import { memberFeed } from "~/calendar/member-feed";
import { calendarLabels, feedWindow } from "~/calendar/calendar-response.server";
import type { Language } from "~/domain/languages";
import { translatorFor } from "~/i18n/i18next.server";
import { feedContent, findFeed, findFeedBuild, saveFeedBuild } from "~/models/calendar-feed.server";
import { env } from "~/utils/env.server";
import { compressFeed, rememberedBuild, type FeedBuild } from "~/utils/feed-cache.server";

/** The feed a token opens, as it stands now in `language`; null for a wrong or revoked token. */
export async function currentFeed(token: string, language: Language, now = Date.now()): Promise<FeedBuild | null> {
  const feed = await findFeed(token);
  if (!feed) return null;
  const window = feedWindow(now);
  const stamp = `${feed.version}|${window.from}`;
  return rememberedBuild(`${feed.id}|${language}`, stamp, async () => {
    const stored = await findFeedBuild(feed.id, language);
    if (stored?.stamp === stamp) return stored;
    const content = await feedContent(feed.memberId);
    if (!content) return null;
    const t = await translatorFor(language);
    const rituals = content.rituals.map((entry) => ({ ...entry, labels: calendarLabels(t, entry.ritual.kind) }));
    const text = memberFeed(`Rituals · ${content.name}`, rituals, window, env.appUrl);
    // The tag follows the content: a change that leaves the feed as it was keeps apps' copies current.
    const etag = `W/"${crypto.createHash("sha1").update(text).digest("base64url")}"`;
    const build = { stamp, etag, ...(await compressFeed(text)) };
    await saveFeedBuild(feed.id, language, build);
    return build;
  });
}
