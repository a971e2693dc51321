import { busyInterval, overlaps, withBuffers, type Buffers, type Role } from "./buffers";
import { dayFromIso } from "./local-dates";
import type { Interval } from "./recurrence";
import { localToInstant, ZoneOffsets } from "./zone-offsets";
import { DAY } from "~/domain/durations";

/** One meeting on one person's calendar. */
export interface CalendarEntry {
  id: string;
  role: Role;
  meeting: Interval;
  buffers: Buffers;
}

export interface Conflict {
  first: CalendarEntry;
  second: CalendarEntry;
}

/** Every pair of a person's meetings whose busy time (buffers included, for hosts) overlaps. */
export function findConflicts(entries: readonly CalendarEntry[]): Conflict[] {
  const sorted = entries
    .map((entry) => ({ entry, busy: busyInterval(entry.meeting, entry.role, entry.buffers) }))
    .sort((a, b) => a.busy.start - b.busy.start);
  const conflicts: Conflict[] = [];
  let open: typeof sorted = [];
  for (const current of sorted) {
    open = open.filter((earlier) => earlier.busy.end > current.busy.start);
    for (const earlier of open) {
      if (overlaps(earlier.busy, current.busy)) conflicts.push({ first: earlier.entry, second: current.entry });
    }
    open.push(current);
  }
  return conflicts;
}

export type BlockKind = "go-early" | "meeting" | "stay-late";

export interface DayBlock extends Interval {
  entryId: string;
  kind: BlockKind;
}

/** A person's local day: their meetings and, where they host, the go-early and stay-late time around them. */
export function dayAgenda(timeZone: string, localDate: string, entries: readonly CalendarEntry[]): DayBlock[] {
  const zone = ZoneOffsets.for(timeZone);
  const day = dayFromIso(localDate);
  const dayInterval = {
    start: localToInstant(zone, day * DAY).instant,
    end: localToInstant(zone, (day + 1) * DAY).instant,
  };
  const blocks: DayBlock[] = [];
  for (const entry of entries) {
    const parts = withBuffers(entry.meeting, entry.buffers);
    const pieces: [BlockKind, Interval | null][] =
      entry.role === "host"
        ? [
            ["go-early", parts.goEarly],
            ["meeting", parts.meeting],
            ["stay-late", parts.stayLate],
          ]
        : [["meeting", parts.meeting]];
    for (const [kind, interval] of pieces) {
      if (interval && overlaps(interval, dayInterval)) blocks.push({ entryId: entry.id, kind, ...interval });
    }
  }
  return blocks.sort((a, b) => a.start - b.start || a.end - b.end);
}
