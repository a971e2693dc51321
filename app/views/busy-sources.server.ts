import { DateTime } from "luxon";
import type { BusySourceView } from "~/components/busy-sources";
import { listBusySources } from "~/models/busy-source.server";

/** A member's calendars as their profile shows them, times on the member's clock in the viewer's language. */
export async function busySourceViews(
  member: { id: string; timeZone: string },
  locale: string,
): Promise<BusySourceView[]> {
  return (await listBusySources(member.id)).map((source) => ({
    id: source.id,
    label: source.label,
    allDayBlocks: source.allDayBlocks,
    lastRead: source.fetchedAt
      ? DateTime.fromJSDate(source.fetchedAt, { zone: member.timeZone })
          .setLocale(locale)
          .toLocaleString(DateTime.DATETIME_MED)
      : null,
    problem: source.lastError,
  }));
}
