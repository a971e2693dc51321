import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/auth.server";
import { meetingFile } from "~/calendar/ritual-calendars";
import { calendarFilename, calendarLabels, calendarResponse } from "~/calendar-response.server";
import { i18nServer } from "~/i18next.server";
import { findMeeting } from "~/models/meeting.server";
import { getRitualPeople } from "~/models/ritual.server";

/** "20260106T090000Z": the meeting's start as the series gave it. */
function parseStart(value: string | undefined): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  if (!match) return NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

/** One meeting's invite, or its cancellation once it has been cancelled. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const found = await findMeeting(team.id, params.ritualId ?? "", parseStart(params.start));
  if (!found) throw new Response("Not found", { status: 404 });
  const { ritual, meeting } = found;
  const [{ attendees }, t] = await Promise.all([getRitualPeople(ritual.id), i18nServer.getFixedT(request)]);
  const body = meetingFile(
    ritual,
    meeting,
    { attendees },
    {
      appUrl: new URL(request.url).origin,
      labels: calendarLabels(t, ritual.kind),
    },
  );
  return calendarResponse(body, calendarFilename(`${ritual.title} ${params.start?.slice(0, 8) ?? ""}`));
}
