/**
 * Test helpers: what two independent parsers (ical.js and node-ical) make of
 * the files the app writes, as plain instants.
 */
import ICAL from "ical.js";
import ical from "node-ical";

export interface ParsedOccurrence {
  start: number;
  end: number;
}

/** The file's events as ical.js reads them, with the file's own VTIMEZONEs. */
function icalJsEvents(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

/** Each VEVENT's own start and end, unexpanded: what a single meeting's invite or cancellation names. */
export function icalJsEventTimes(text: string): ParsedOccurrence[] {
  return icalJsEvents(text).map((event) => ({
    start: event.startDate.toJSDate().getTime(),
    end: event.endDate.toJSDate().getTime(),
  }));
}

export function icalJsOccurrences(text: string, window: { from: number; to: number }): ParsedOccurrence[] {
  const events = icalJsEvents(text);
  const occurrences: ParsedOccurrence[] = [];
  for (const master of events.filter((event) => !event.isRecurrenceException())) {
    for (const exception of events.filter((e) => e.isRecurrenceException() && e.uid === master.uid)) {
      master.relateException(exception);
    }
    if (!master.isRecurring()) {
      occurrences.push({ start: master.startDate.toJSDate().getTime(), end: master.endDate.toJSDate().getTime() });
      continue;
    }
    const iterator = master.iterator();
    for (let next = iterator.next(); next && next.toJSDate().getTime() < window.to; next = iterator.next()) {
      const details = master.getOccurrenceDetails(next);
      const start = details.startDate.toJSDate().getTime();
      const end = details.endDate.toJSDate().getTime();
      if (end > window.from && start < window.to) occurrences.push({ start, end });
    }
  }
  return occurrences.sort((a, b) => a.start - b.start);
}

type NodeIcalEvent = ical.VEvent & {
  recurrences?: Record<string, ical.VEvent>;
  exdate?: Record<string, Date>;
};

export function nodeIcalOccurrences(text: string, window: { from: number; to: number }): ParsedOccurrence[] {
  const parsed = ical.sync.parseICS(text);
  const occurrences: ParsedOccurrence[] = [];
  for (const component of Object.values(parsed)) {
    if (component?.type !== "VEVENT") continue;
    const event = component as NodeIcalEvent;
    const end = (event.end ?? event.start).getTime();
    const length = end - event.start.getTime();
    if (!event.rrule) {
      occurrences.push({ start: event.start.getTime(), end });
      continue;
    }
    const excluded = new Set(Object.values(event.exdate ?? {}).map((date) => date.getTime()));
    const overrides = new Map(
      Object.values(event.recurrences ?? {}).map((o) => [(o.recurrenceid as Date).getTime(), o] as const),
    );
    for (const date of event.rrule.between(new Date(window.from - 2 * 86_400_000), new Date(window.to), true)) {
      const at = date.getTime();
      if (excluded.has(at)) continue;
      const override = overrides.get(at);
      const occurrence = override
        ? { start: override.start.getTime(), end: (override.end ?? override.start).getTime() }
        : { start: at, end: at + length };
      if (occurrence.end > window.from && occurrence.start < window.to) occurrences.push(occurrence);
    }
  }
  return occurrences.sort((a, b) => a.start - b.start);
}

/** Raw content lines and the VEVENTs' UID + RECURRENCE-ID pairs, for byte-level checks. */
export function contentLines(text: string): string[] {
  return text.split("\r\n").slice(0, -1);
}
