import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/auth.server";
import { customerSeriesInvite } from "~/calendar/ritual-calendars";
import { calendarFilename, calendarLabels, calendarResponse, inviteWindow } from "~/calendar-response.server";
import { i18nServer } from "~/i18next.server";
import { listExceptions } from "~/models/meeting.server";
import { getRitual, getRitualPeople } from "~/models/ritual.server";

/** The tea-time invite for the customer's contacts, in the customer's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const ritual = await getRitual(team.id, params.ritualId ?? "");
  if (!ritual?.customer) throw new Response("Not found", { status: 404 });
  const [{ attendees, contacts }, exceptions, t] = await Promise.all([
    getRitualPeople(ritual.id),
    listExceptions(ritual.id),
    i18nServer.getFixedT(ritual.customer.language),
  ]);
  const hosts = attendees.filter((a) => a.role === "host");
  const body = customerSeriesInvite(
    ritual,
    { hosts, contacts, exceptions, window: inviteWindow() },
    { appUrl: new URL(request.url).origin, labels: calendarLabels(t, ritual.kind) },
  );
  return calendarResponse(body, calendarFilename(`${ritual.title} ${ritual.customer.name}`));
}
