import { expandValidRule, type SeriesChanges, type TimeWindow } from "~/domain/recurrence";
import { buildCalendar, type CalendarEvent } from "./calendar-file";
import {
  REMINDER_MINUTES,
  ritualPageUrl,
  teamDescription,
  type CalendarContext,
  type CalendarLabels,
  type CalendarRitual,
} from "./ritual-calendars";
import { blockParts, leavesTheDay, meetingPart, occurrenceUid, seriesEvents, seriesSpan } from "./series";

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

/**
 * One ritual in a member's subscription feed: the team's series as its invite
 * writes it (the same UIDs, so a calendar that somehow gets both keeps one
 * copy), without the people; for a host, the go-early and stay-late blocks as
 * series of their own. A block on another day than its meeting cannot share the
 * meeting's rule, so it is written one event per meeting within `window`.
 */
function feedEvents(
  ritual: CalendarRitual,
  changes: SeriesChanges,
  role: "host" | "participant",
  context: CalendarContext,
  { window, span }: { window: TimeWindow; span: TimeWindow },
): CalendarEvent[] {
  const { appUrl, labels } = context;
  const pageUrl = ritualPageUrl(ritual, appUrl);
  const hosting = role === "host";
  const meeting = meetingPart(ritual, {
    description: teamDescription(ritual, context, pageUrl),
    // Hosts are reminded when it is time to go early.
    alarmMinutesBefore: hosting && ritual.goEarlyMinutes > 0 ? ritual.goEarlyMinutes : REMINDER_MINUTES,
  });
  const blocks = hosting ? blockParts(ritual, labels, `${labels.notes}: ${pageUrl}`) : [];
  const apart = ritual.frequency === "once" ? [] : blocks.filter((part) => leavesTheDay(ritual, part));
  const shared = { url: pageUrl, categories: [labels.kind] };
  const series = seriesEvents(
    ritual,
    changes,
    [meeting, ...blocks.filter((part) => !apart.includes(part))],
    span,
    appUrl,
    shared,
  );
  const single = apart.flatMap((part) =>
    expandValidRule(ritual, window, changes.exceptions).map((planned): CalendarEvent => {
      const actual = part.around(planned);
      return {
        ...shared,
        uid: occurrenceUid(ritual, appUrl, planned.originalStart, part.name),
        start: { utc: actual.start },
        end: { utc: actual.end },
        title: part.title,
        description: part.description,
        location: ritual.videoUrl,
        sequence: Math.max(ritual.sequence, changes.sequence),
        lastModified: Math.max(ritual.updatedAt, changes.lastModified ?? 0),
      };
    }),
  );
  return [...series, ...single];
}
