import { withBuffers } from "~/domain/buffers";
import { expandValidRule, type PlannedMeeting, type StoredException, type TimeWindow } from "~/domain/recurrence";
import { buildCalendar, type CalendarEvent } from "./calendar-file";
import { formatUtc } from "./rfc5545";
import {
  description,
  REMINDER_MINUTES,
  ritualPageUrl,
  uidDomain,
  type CalendarLabels,
  type CalendarRitual,
} from "./ritual-calendars";

/** One ritual as seen from one member's feed. */
export interface FeedRitual {
  ritual: CalendarRitual;
  role: "host" | "participant";
  exceptions: readonly StoredException[];
  labels: CalendarLabels;
}

function occurrenceUid(ritual: CalendarRitual, meeting: PlannedMeeting, appUrl: string, part = ""): string {
  return `ritual-${ritual.id}-${formatUtc(meeting.originalStart)}${part}@${uidDomain(appUrl)}`;
}

/**
 * A member's subscription feed: each meeting they attend in the window and, where
 * they host, their own "Go early" and "Stay late" blocks. Times in UTC, so
 * every client shows them in its own zone.
 */
export function memberFeed(name: string, rituals: readonly FeedRitual[], window: TimeWindow, appUrl: string): string {
  const events: CalendarEvent[] = [];
  for (const { ritual, role, exceptions, labels } of rituals) {
    const sequences = new Map(exceptions.map((e) => [e.originalStart, e.sequence]));
    for (const meeting of expandValidRule(ritual, window, exceptions)) {
      const sequence = Math.max(ritual.sequence, sequences.get(meeting.originalStart) ?? 0);
      const notes = `${labels.notes}: ${ritualPageUrl(ritual, appUrl)}`;
      const base = {
        // A buffer is time around the meeting, not a second copy of it: only the meeting carries the agenda.
        description: notes,
        location: ritual.videoUrl,
        url: ritualPageUrl(ritual, appUrl),
        categories: [labels.kind],
        sequence,
        lastModified: ritual.updatedAt,
      };
      const hosting = role === "host";
      events.push({
        ...base,
        uid: occurrenceUid(ritual, meeting, appUrl),
        templateKey: `${ritual.id}|meeting|${sequence}`,
        start: { utc: meeting.start },
        end: { utc: meeting.end },
        title: ritual.title,
        description: description([ritual.agendaTemplate && `${labels.agenda}:\n${ritual.agendaTemplate}`, notes]),
        alarmMinutesBefore: hosting && ritual.goEarlyMinutes > 0 ? ritual.goEarlyMinutes : REMINDER_MINUTES,
      });
      if (!hosting) continue;
      const { goEarly, stayLate } = withBuffers(meeting, ritual);
      const blocks = [
        ["go-early", goEarly, labels.goEarly],
        ["stay-late", stayLate, labels.stayLate],
      ] as const;
      for (const [part, interval, label] of blocks) {
        if (!interval) continue;
        events.push({
          ...base,
          uid: occurrenceUid(ritual, meeting, appUrl, `-${part}`),
          templateKey: `${ritual.id}|${part}|${sequence}`,
          start: { utc: interval.start },
          end: { utc: interval.end },
          title: label(ritual.title),
        });
      }
    }
  }
  const utcStart = (event: CalendarEvent) => ("utc" in event.start ? event.start.utc : 0);
  events.sort((a, b) => utcStart(a) - utcStart(b));
  return buildCalendar({ method: "PUBLISH", name, events });
}
