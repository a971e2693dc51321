import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/utils/auth.server";
import { teamSeriesFile } from "~/calendar/calendar-invites.server";
import { calendarFilename, calendarResponse } from "~/calendar/calendar-response.server";
import { i18nServer } from "~/i18n/i18next.server";
import { getRitual } from "~/models/ritual.server";
import { notFound } from "~/utils/responses.server";

/** The series invite for the team, with reminders set for the person downloading it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, user } = await requireMember(request, params.teamId);
  const ritual = await getRitual(team.id, params.ritualId ?? "");
  if (!ritual) throw notFound();
  const body = await teamSeriesFile(ritual, { userId: user.id }, await i18nServer.getLocale(request));
  return calendarResponse(body, calendarFilename(ritual.title));
}
