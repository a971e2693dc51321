import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/utils/auth.server";
import { meetingCalendarFile } from "~/calendar/calendar-invites.server";
import { calendarFilename, calendarResponse } from "~/calendar/calendar-response.server";
import { parseMeetingKey } from "~/domain/meeting-key";
import { i18nServer } from "~/i18n/i18next.server";
import { findMeetingOf } from "~/models/meeting.server";
import { loadRitualRecord } from "~/models/ritual-record.server";
import { meetingNotHere, notFound } from "~/utils/responses.server";

/** One meeting's invite, or its cancellation once it has been cancelled. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const record = await loadRitualRecord(team.id, params.ritualId ?? "");
  const found = record && (await findMeetingOf(record.ritual, parseMeetingKey(params.start)));
  if (!found) throw await meetingNotHere(request, team.id, params.ritualId ?? "", params.start);
  // A meeting that left the series is kept for its notes only: no calendar holds it.
  if (!record || found.meeting.detached) throw notFound();
  const body = await meetingCalendarFile(record, found.meeting, await i18nServer.getLocale(request));
  return calendarResponse(body, calendarFilename(`${record.ritual.title} ${params.start?.slice(0, 8) ?? ""}`));
}
