import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/auth.server";
import { teamSeriesInvite } from "~/calendar/ritual-calendars";
import { calendarFilename, calendarLabels, calendarResponse, inviteWindow } from "~/calendar-response.server";
import { i18nServer } from "~/i18next.server";
import { listExceptions } from "~/models/meeting.server";
import { getRitual, getRitualPeople } from "~/models/ritual.server";
import { env } from "~/env.server";

/** The series invite for the team, with reminders set for the person downloading it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, user } = await requireMember(request, params.teamId);
  const ritual = await getRitual(team.id, params.ritualId ?? "");
  if (!ritual) throw new Response("Not found", { status: 404 });
  const [{ attendees }, exceptions, t] = await Promise.all([
    getRitualPeople(ritual.id),
    listExceptions(ritual.id),
    i18nServer.getFixedT(request),
  ]);
  const body = teamSeriesInvite(
    ritual,
    {
      attendees,
      exceptions,
      viewerIsHost: attendees.some((a) => a.userId === user.id && a.role === "host"),
      window: inviteWindow(),
    },
    { appUrl: env.appUrl, labels: calendarLabels(t, ritual.kind) },
  );
  return calendarResponse(body, calendarFilename(ritual.title));
}
