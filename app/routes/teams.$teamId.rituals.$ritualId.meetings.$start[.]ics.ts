import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/auth.server";
import { meetingFile } from "~/calendar/ritual-calendars";
import { calendarFilename, calendarLabels, calendarResponse } from "~/calendar-response.server";
import { parseMeetingKey } from "~/domain/meeting-key";
import { i18nServer } from "~/i18next.server";
import { findMeeting } from "~/models/meeting.server";
import { getRitualPeople } from "~/models/ritual.server";
import { env } from "~/env.server";

/** One meeting's invite, or its cancellation once it has been cancelled. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const found = await findMeeting(team.id, params.ritualId ?? "", parseMeetingKey(params.start));
  // A meeting that left the series is kept for its notes only: no calendar holds it.
  if (!found || found.meeting.detached) throw new Response("Not found", { status: 404 });
  const { ritual, meeting } = found;
  const [{ attendees }, t] = await Promise.all([getRitualPeople(ritual.id), i18nServer.getFixedT(request)]);
  const body = meetingFile(
    ritual,
    meeting,
    { attendees },
    {
      appUrl: env.appUrl,
      labels: calendarLabels(t, ritual.kind),
    },
  );
  return calendarResponse(body, calendarFilename(`${ritual.title} ${params.start?.slice(0, 8) ?? ""}`));
}
