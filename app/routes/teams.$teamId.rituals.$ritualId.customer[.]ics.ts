import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/auth.server";
import { customerSeriesInvite } from "~/calendar/ritual-calendars";
import { calendarFilename, calendarLabels, calendarResponse, inviteWindow } from "~/calendar-response.server";
import { i18nServer } from "~/i18next.server";
import { listExceptions } from "~/models/meeting.server";
import { sharedPagesOf, shareTokenOf } from "~/models/note.server";
import { getRitual, getRitualPeople } from "~/models/ritual.server";
import { formatDay } from "~/components/ritual-format";
import { env } from "~/env.server";

/** The tea-time invite for the customer's contacts, in the customer's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const ritual = await getRitual(team.id, params.ritualId ?? "");
  if (!ritual?.customer) throw new Response("Not found", { status: 404 });
  const [{ attendees, contacts }, exceptions, t, shared] = await Promise.all([
    getRitualPeople(ritual.id),
    listExceptions(ritual.id),
    i18nServer.getFixedT(ritual.customer.language),
    sharedPagesOf(ritual.id),
  ]);
  const hosts = attendees.filter((a) => a.role === "host");
  const origin = env.appUrl;
  // The shared note pages, dated on the customer's clock, so the invite leads them to the notes.
  const sharedNotes = shared.map((page) => ({
    date: formatDay(page.meeting.originalStart.getTime(), ritual.timeZone, ritual.customer!.language),
    url: new URL(`/shared/${shareTokenOf(page)}`, origin).toString(),
  }));
  const body = customerSeriesInvite(
    ritual,
    { hosts, contacts, exceptions, window: inviteWindow(), sharedNotes },
    { appUrl: origin, labels: calendarLabels(t, ritual.kind) },
  );
  return calendarResponse(body, calendarFilename(`${ritual.title} ${ritual.customer.name}`));
}
