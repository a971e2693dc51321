import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/utils/auth.server";
import { customerSeriesFile } from "~/calendar/calendar-invites.server";
import { calendarFilename, calendarResponse } from "~/calendar/calendar-response.server";
import { getRitual } from "~/models/ritual.server";
import { notFound } from "~/utils/responses.server";

/** The tea-time invite for the customer's contacts, in the customer's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const ritual = await getRitual(team.id, params.ritualId ?? "");
  if (!ritual?.customer) throw notFound();
  return calendarResponse(
    await customerSeriesFile(ritual),
    calendarFilename(`${ritual.title} ${ritual.customer.name}`),
  );
}
