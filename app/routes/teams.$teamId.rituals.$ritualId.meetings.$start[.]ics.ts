import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/utils/auth.server";
import { meetingCalendarFile } from "~/calendar/calendar-invites.server";
import { calendarFilename, calendarResponse } from "~/calendar/calendar-response.server";
import { parseMeetingKey } from "~/domain/meeting-key";
import { i18nServer } from "~/i18n/i18next.server";
import { findMeeting } from "~/models/meeting.server";
import { notFound } from "~/utils/responses.server";

/** One meeting's invite, or its cancellation once it has been cancelled. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const found = await findMeeting(team.id, params.ritualId ?? "", parseMeetingKey(params.start));
  // A meeting that left the series is kept for its notes only: no calendar holds it.
  if (!found || found.meeting.detached) throw notFound();
  const body = await meetingCalendarFile(found.ritual, found.meeting, await i18nServer.getLocale(request));
  return calendarResponse(body, calendarFilename(`${found.ritual.title} ${params.start?.slice(0, 8) ?? ""}`));
}
