import { redirect } from "@remix-run/node";
import { meetingKey, parseMeetingKey } from "~/domain/meeting-key";
import { currentAddressOf } from "~/models/meeting.server";

/**
 * The 404 every loader and action throws for something that is not there, or
 * not the team's: both look the same from outside. The error boundary explains it.
 */
export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/**
 * What a loader answers for a meeting address it cannot find: a 301 to the
 * meeting's address now (links in mail and downloaded files from before a
 * series edit keep working), or the 404.
 */
export async function meetingNotHere(request: Request, teamId: string, ritualId: string, key: string | undefined) {
  const current = await currentAddressOf(teamId, ritualId, parseMeetingKey(key));
  if (current === null) return notFound();
  const url = new URL(request.url);
  const path = url.pathname.replace(`/meetings/${key}`, `/meetings/${meetingKey(current)}`);
  return redirect(`${path}${url.search}`, 301);
}
