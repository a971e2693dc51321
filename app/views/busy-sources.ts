import { DateTime } from "luxon";

/** A member's calendar as their profile shows it: never the address itself. */
export interface BusySourceView {
  id: string;
  label: string;
  allDayBlocks: boolean;
  /** When it was last read well, on the member's clock in the viewer's language, or null. */
  lastRead: string | null;
  /** Why the last try failed, as a message key, or null. */
  problem: string | null;
}

export function busySourceView(
  source: { id: string; label: string; allDayBlocks: boolean; fetchedAt: Date | null; lastError: string | null },
  timeZone: string,
  locale: string,
): BusySourceView {
  return {
    id: source.id,
    label: source.label,
    allDayBlocks: source.allDayBlocks,
    lastRead: source.fetchedAt
      ? DateTime.fromJSDate(source.fetchedAt, { zone: timeZone })
          .setLocale(locale)
          .toLocaleString(DateTime.DATETIME_MED)
      : null,
    problem: source.lastError,
  };
}
