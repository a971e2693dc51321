import type { LoaderFunctionArgs } from "@remix-run/node";
import { answerFeedPoll } from "~/services/feeds.server";
import { notFound } from "~/utils/responses.server";

/** A member's subscription feed at its secret address. A wrong or revoked token looks like nothing at all. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const answer = await answerFeedPoll(url.pathname + url.search, {
    ifNoneMatch: request.headers.get("If-None-Match"),
    acceptEncoding: request.headers.get("Accept-Encoding"),
  });
  if (!answer) throw notFound();
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
