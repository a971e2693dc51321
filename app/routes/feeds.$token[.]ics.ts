import type { LoaderFunctionArgs } from "@remix-run/node";
import { memberFeed } from "~/calendar/ritual-calendars";
import { calendarLabels, calendarResponse, feedWindow } from "~/calendar-response.server";
import { cachedBody, cachedEtag } from "~/feed-cache.server";
import { isSupportedLanguage } from "~/i18n";
import { i18nServer } from "~/i18next.server";
import { feedRituals, feedVersion, findFeedMember } from "~/models/calendar-feed.server";

/** Calendar apps poll every few minutes to hours; let them keep it a while, then ask with If-None-Match. */
const CACHE_CONTROL = "private, max-age=900";

/** A member's subscription feed at its secret address. A wrong or revoked token looks like nothing at all. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const requested = new URL(request.url).searchParams.get("lang");
  const language = isSupportedLanguage(requested) ? requested : "en";
  const window = feedWindow();
  const etag = await cachedEtag(`${token}|${language}|${window.from}`, async () => {
    const member = await findFeedMember(token);
    return member ? `W/"${await feedVersion(member, `${window.from}|${language}`)}"` : "";
  });
  if (!etag) throw new Response("Not found", { status: 404 });
  if (
    request.headers
      .get("If-None-Match")
      ?.split(",")
      .some((tag) => tag.trim() === etag)
  ) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": CACHE_CONTROL } });
  }
  // The address is checked again before any content goes out: a revoked one may still get a 304 for a
  // few seconds (it reveals nothing), never a body.
  const member = await findFeedMember(token);
  if (!member) throw new Response("Not found", { status: 404 });
  const body = await cachedBody(etag, async () => {
    const t = await i18nServer.getFixedT(language);
    const rituals = (await feedRituals(member.id)).map((entry) => ({
      ...entry,
      labels: calendarLabels(t, entry.ritual.kind),
    }));
    return memberFeed(`Rituals · ${member.name}`, rituals, window, new URL(request.url).origin);
  });
  return calendarResponse(body, "rituals.ics", { ETag: etag, "Cache-Control": CACHE_CONTROL });
}
