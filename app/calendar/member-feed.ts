import type { SeriesChanges, TimeWindow } from "~/domain/recurrence";
import { buildCalendar } from "./calendar-file";
import { feedEvents, seriesSpan, type CalendarLabels, type CalendarRitual } from "./ritual-calendars";

/** One ritual as seen from one member's feed. */
export interface FeedRitual {
  ritual: CalendarRitual;
  role: "host" | "participant";
  changes: SeriesChanges;
  labels: CalendarLabels;
}

/**
 * A member's subscription feed: each ritual they attend as a series (its rule,
 * cancelled meetings as EXDATEs, moved ones as overrides) and, where they host,
 * their own "Go early" and "Stay late" blocks as series too, so a busy member's
 * feed stays small. Series that ended before `window` are left out.
 */
export function memberFeed(name: string, rituals: readonly FeedRitual[], window: TimeWindow, appUrl: string): string {
  const current = rituals
    .map((entry) => ({ ...entry, span: seriesSpan(entry.ritual) }))
    .filter(({ span, changes }) =>
      [span.to, ...changes.exceptions.map((e) => (e.status === "moved" ? e.start : 0))].some((at) => at > window.from),
    );
  return buildCalendar({
    method: "PUBLISH",
    name,
    events: current.flatMap(({ ritual, role, changes, labels, span }) =>
      feedEvents(ritual, changes, role, { appUrl, labels }, { window, span }),
    ),
    // Open series run on: their zones are written out as far as the invites' are.
    coverUntilYear: Math.max(0, ...current.map(({ span }) => new Date(span.to).getUTCFullYear())),
  });
}
