/**
 * The busy times in someone's own calendar file (a secret .ics address), and
 * nothing else: no titles, places or descriptions leave this module. Series
 * are expanded with their moved and cancelled meetings, in the file's own
 * time zones; free ("transparent") and cancelled events do not count.
 */
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { isValidTimeZone } from "~/domain/time-zones";

export interface BusyTime {
  start: number;
  end: number;
  /** The event is tentative (STATUS:TENTATIVE): it still blocks, and says so. */
  tentative: boolean;
}

export interface BusyReading {
  /** The window to read, as instants. */
  from: number;
  to: number;
  /** Where the calendar's owner is: times without a zone, and all-day events, are read there. */
  timeZone: string;
  /** Whether all-day events (holidays, "out of office", birthdays) block the whole day. */
  allDayBlocks: boolean;
}

/** A file with more events than this is refused rather than read: no one's own calendar needs more. */
export const MOST_EVENTS = 20_000;
/** Occurrences stepped through in all, past ones included (a daily series since 1900 fits; one every minute does not). */
const MOST_STEPS = 50_000;

export class BusyTimesError extends Error {
  constructor(readonly reason: "not-a-calendar" | "too-many-events") {
    super(reason);
    this.name = "BusyTimesError";
  }
}

/** The IANA zone a time names without the file defining it (ical.js keeps the name, but not on expanded occurrences). */
function namedZone(time: ICAL.Time): string | undefined {
  const named = (time as ICAL.Time & { timezone?: string }).timezone;
  return named && isValidTimeZone(named) ? named : undefined;
}

/** The instant a file's time stands for: in the file's own zone, else in the zone it names, else where the owner is. */
function instantOf(time: ICAL.Time, fallbackZone: string): number {
  const zone = time.zone;
  if (zone && zone !== ICAL.Timezone.localTimezone && zone.tzid !== "floating") return time.toUnixTime() * 1000;
  const { year, month, day, hour, minute, second } = time;
  return DateTime.fromObject(
    { year, month, day, hour, minute, second },
    { zone: namedZone(time) ?? fallbackZone },
  ).toMillis();
}

/** An all-day event's days, from the owner's midnight to the midnight after its last day. */
function wholeDays(start: ICAL.Time, end: ICAL.Time, ownerZone: string): { start: number; end: number } {
  const midnight = (time: ICAL.Time) =>
    DateTime.fromObject({ year: time.year, month: time.month, day: time.day }, { zone: ownerZone }).toMillis();
  const first = midnight(start);
  const last = midnight(end);
  return {
    start: first,
    end: last > first ? last : DateTime.fromMillis(first, { zone: ownerZone }).plus({ days: 1 }).toMillis(),
  };
}

function blocks(event: ICAL.Event): boolean {
  const component = event.component;
  return (
    component.getFirstPropertyValue("transp") !== "TRANSPARENT" &&
    component.getFirstPropertyValue("status") !== "CANCELLED"
  );
}

function parsed(text: string): ICAL.Component {
  try {
    const calendar = new ICAL.Component(ICAL.parse(text));
    if (calendar.name !== "vcalendar") throw new BusyTimesError("not-a-calendar");
    return calendar;
  } catch (error) {
    if (error instanceof BusyTimesError) throw error;
    throw new BusyTimesError("not-a-calendar");
  }
}

/**
 * Every busy time of the calendar file that touches the window, in order.
 * Throws BusyTimesError when the text is not a calendar or holds too many events.
 */
export function busyTimes(text: string, reading: BusyReading): BusyTime[] {
  // Counted before parsing: a huge file is refused without building it.
  if ((text.match(/^BEGIN:VEVENT/gm)?.length ?? 0) > MOST_EVENTS) throw new BusyTimesError("too-many-events");
  const vevents = parsed(text).getAllSubcomponents("vevent");
  const events = vevents.map((vevent) => new ICAL.Event(vevent));
  const masters = new Map<string, ICAL.Event>();
  for (const event of events) if (!event.isRecurrenceException()) masters.set(event.uid, event);
  const orphans: ICAL.Event[] = [];
  for (const event of events) {
    if (!event.isRecurrenceException()) continue;
    const master = masters.get(event.uid);
    if (master) master.relateException(event);
    else orphans.push(event);
  }

  const found: BusyTime[] = [];
  const add = (event: ICAL.Event, start: ICAL.Time, end: ICAL.Time, seriesZone = reading.timeZone) => {
    if (!blocks(event)) return;
    const allDay = start.isDate;
    if (allDay && !reading.allDayBlocks) return;
    const span = allDay
      ? wholeDays(start, end, reading.timeZone)
      : { start: instantOf(start, seriesZone), end: instantOf(end, seriesZone) };
    if (span.end <= reading.from || span.start >= reading.to) return;
    const tentative = event.component.getFirstPropertyValue("status") === "TENTATIVE";
    found.push({ start: span.start, end: Math.max(span.end, span.start), tentative });
  };

  let steps = 0;
  for (const event of [...masters.values(), ...orphans]) {
    if (!event.isRecurring()) {
      add(event, event.startDate, event.endDate ?? event.startDate);
      continue;
    }
    const seriesZone = namedZone(event.startDate) ?? reading.timeZone;
    const iterator = event.iterator();
    // A meeting moved into the window may come from an occurrence just outside it.
    const horizon = reading.to + 7 * 86_400_000;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++steps > MOST_STEPS) throw new BusyTimesError("too-many-events");
      if (instantOf(next, seriesZone) >= horizon) break;
      const details = event.getOccurrenceDetails(next);
      add(details.item, details.startDate, details.endDate, seriesZone);
    }
  }
  const unique = new Map(found.map((busy) => [`${busy.start}-${busy.end}-${busy.tentative}`, busy]));
  return [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The busy periods of a free-busy answer (a VFREEBUSY, RFC 5545 3.6.4, as a
 * CalDAV free-busy-query returns it) that touch the window: FREE periods left
 * out, BUSY-TENTATIVE ones marked tentative.
 */
export function freeBusyTimes(text: string, window: { from: number; to: number }): BusyTime[] {
  const found: BusyTime[] = [];
  for (const freeBusy of parsed(text).getAllSubcomponents("vfreebusy")) {
    for (const property of freeBusy.getAllProperties("freebusy")) {
      const type = String(property.getParameter("fbtype") ?? "BUSY").toUpperCase();
      if (type === "FREE") continue;
      for (const value of property.getValues() as ICAL.Period[]) {
        const start = value.start.toUnixTime() * 1000;
        const end = value.getEnd().toUnixTime() * 1000;
        if (end <= window.from || start >= window.to) continue;
        found.push({ start, end, tentative: type === "BUSY-TENTATIVE" });
        if (found.length > MOST_EVENTS) throw new BusyTimesError("too-many-events");
      }
    }
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}
