import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/utils/auth.server";
import { teamSeriesFile } from "~/calendar/calendar-invites.server";
import { calendarFilename, calendarResponse } from "~/calendar/calendar-response.server";
import { i18nServer } from "~/i18n/i18next.server";
import { loadRitualRecord } from "~/models/ritual-record.server";
import { notFound } from "~/utils/responses.server";

/** The series invite for the team, with reminders set for the person downloading it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, user } = await requireMember(request, params.teamId);
  const record = await loadRitualRecord(team.id, params.ritualId ?? "");
  if (!record) throw notFound();
  const body = await teamSeriesFile(record, { userId: user.id }, await i18nServer.getLocale(request));
  return calendarResponse(body, calendarFilename(record.ritual.title));
}
