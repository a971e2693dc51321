import type { LoaderFunctionArgs } from "@remix-run/node";
import { memberFeed } from "~/calendar/member-feed";
import { calendarLabels, calendarResponse, feedWindow } from "~/calendar/calendar-response.server";
import {
  cachedBody,
  cachedEtag,
  compressedBody,
  FEED_CACHE_CONTROL,
  feedEncoding,
  feedRequest,
  matches,
} from "~/utils/feed-cache.server";
import { translatorFor } from "~/i18n/i18next.server";
import { feedRituals, feedVersion, findFeedMember } from "~/models/calendar-feed.server";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/responses.server";

/** A member's subscription feed at its secret address. A wrong or revoked token looks like nothing at all. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { token, language, key } = feedRequest(url);
  const window = feedWindow();
  const etag = await cachedEtag(key, async () => {
    const member = await findFeedMember(token);
    // The window is part of the version: an app with another window must not answer 304 to the old feed.
    return member ? `W/"${await feedVersion(member, `${window.from}|${window.to}|${language}`)}"` : "";
  });
  if (!etag) throw notFound();
  if (matches(request.headers.get("If-None-Match"), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": FEED_CACHE_CONTROL } });
  }
  // The address is checked again before any content goes out: a revoked one may still get a 304 for a
  // few seconds (it reveals nothing), never a body.
  const member = await findFeedMember(token);
  if (!member) throw notFound();
  const body = await cachedBody(etag, async () => {
    const t = await translatorFor(language);
    const rituals = (await feedRituals(member.id)).map((entry) => ({
      ...entry,
      labels: calendarLabels(t, entry.ritual.kind),
    }));
    return memberFeed(`Rituals · ${member.name}`, rituals, window, env.appUrl);
  });
  // A busy member's feed is megabytes of text that compresses twentyfold.
  const headers = { ETag: etag, "Cache-Control": FEED_CACHE_CONTROL, Vary: "Accept-Encoding" };
  const encoding = feedEncoding(request.headers.get("Accept-Encoding"));
  if (!encoding) return calendarResponse(body, "rituals.ics", headers);
  const compressed = await compressedBody(etag, encoding, body);
  return calendarResponse(compressed, "rituals.ics", { ...headers, "Content-Encoding": encoding });
}
