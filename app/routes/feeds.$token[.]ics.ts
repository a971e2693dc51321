import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/calendar/calendar-response.server";
import { currentFeed } from "~/services/feeds.server";
import {
  FEED_CACHE_CONTROL,
  feedBody,
  feedEncoding,
  feedRequest,
  matches,
  rememberEtag,
} from "~/utils/feed-cache.server";
import { notFound } from "~/utils/responses.server";

/** A member's subscription feed at its secret address. A wrong or revoked token looks like nothing at all. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { token, language, key } = feedRequest(new URL(request.url));
  const build = await currentFeed(token, language);
  if (!build) throw notFound();
  rememberEtag(key, build.etag);
  const headers = { ETag: build.etag, "Cache-Control": FEED_CACHE_CONTROL, Vary: "Accept-Encoding" };
  if (matches(request.headers.get("If-None-Match"), build.etag)) {
    return new Response(null, { status: 304, headers });
  }
  const encoding = feedEncoding(request.headers.get("Accept-Encoding"));
  const body = feedBody(build, encoding);
  return calendarResponse(body, "rituals.ics", encoding ? { ...headers, "Content-Encoding": encoding } : headers);
}
