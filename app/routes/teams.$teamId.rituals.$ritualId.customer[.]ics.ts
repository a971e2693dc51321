import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/utils/auth.server";
import { customerSeriesFile } from "~/calendar/calendar-invites.server";
import { calendarFilename, calendarResponse } from "~/calendar/calendar-response.server";
import { loadRitualRecord } from "~/models/ritual-record.server";
import { notFound } from "~/utils/responses.server";

/** The tea-time invite for the customer's contacts, in the customer's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const record = await loadRitualRecord(team.id, params.ritualId ?? "");
  const customer = record?.ritual.customer;
  if (!record || !customer) throw notFound();
  return calendarResponse(
    await customerSeriesFile(record),
    calendarFilename(`${record.ritual.title} ${customer.name}`),
  );
}
