import { daysInMonth, isoWeekdayOf } from "~/domain/local-dates";
import { ZoneOffsets } from "~/domain/zone-offsets";
import { DAY } from "~/domain/durations";
import { formatLocal, formatOffset, formatUtc } from "./rfc5545";

const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

interface Onset {
  /** Instant of the change. */
  at: number;
  from: number;
  to: number;
  /** Wall-clock time just before the change, as VTIMEZONE's DTSTART wants it. */
  localBefore: number;
}

/**
 * The ways a change can be written as a yearly rule: its month, its wall-clock
 * time, and the day as "BYDAY=-1SU" (the last Sunday), "BYDAY=2SU" (the second)
 * or, for rules like Chile's "the first Sunday on or after the 2nd", a Sunday
 * within seven days of the month. The forms every client knows come first.
 */
function yearlyPattern(onset: Onset): { month: number; time: number; days: string[] } {
  const date = new Date(onset.localBefore);
  const day = Math.floor(onset.localBefore / DAY);
  const weekday = BYDAY[isoWeekdayOf(day) - 1]!;
  const dayOfMonth = date.getUTCDate();
  const monthLength = daysInMonth(date.getUTCFullYear(), date.getUTCMonth());
  const days: string[] = [];
  // "Last Sunday" first: it stays right in the years a month has five Sundays.
  if (dayOfMonth + 7 > monthLength) days.push(`BYDAY=-1${weekday}`);
  if (dayOfMonth <= 28) days.push(`BYDAY=${Math.ceil(dayOfMonth / 7)}${weekday}`);
  for (let first = Math.max(1, dayOfMonth - 6); first <= dayOfMonth && first + 6 <= monthLength; first++) {
    // Weeks starting on the 1st, 8th, 15th or 22nd are the "nth Sunday" above.
    if ((first - 1) % 7 === 0) continue;
    const week = Array.from({ length: 7 }, (_, i) => first + i);
    days.push(`BYDAY=${weekday};BYMONTHDAY=${week.join(",")}`);
  }
  return { month: date.getUTCMonth() + 1, time: onset.localBefore - day * DAY, days };
}

const yearOf = (ms: number) => new Date(ms).getUTCFullYear();

function tzName(zone: string, at: number): string | null {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  // Only real abbreviations ("CET", "EDT"); "GMT+9" says nothing TZOFFSETTO does not.
  return part && /^[A-Z]{3,5}$/.test(part) ? part : null;
}

function component(zone: string, onsets: readonly Onset[], rrule: string | null): string[] {
  const first = onsets[0]!;
  const kind = first.to > first.from ? "DAYLIGHT" : "STANDARD";
  const name = tzName(zone, first.at);
  return [
    `BEGIN:${kind}`,
    `DTSTART:${formatLocal(first.localBefore)}`,
    `TZOFFSETFROM:${formatOffset(first.from)}`,
    `TZOFFSETTO:${formatOffset(first.to)}`,
    ...(rrule ? [`RRULE:${rrule}`] : onsets.slice(1).map((onset) => `RDATE:${formatLocal(onset.localBefore)}`)),
    ...(name ? [`TZNAME:${name}`] : []),
    `END:${kind}`,
  ];
}

/**
 * The last year to read the time-zone database for when a series never ends. The
 * database spells out some changes one by one (Morocco's follow Ramadan and are
 * predicted to 2087); after that every zone keeps a yearly rule or none, which
 * the last, open RRULE carries on.
 */
export const ZONE_DATA_LAST_YEAR = 2100;

/** Changes to one offset that follow no yearly rule: one component, an RDATE per change. */
function irregularComponents(zone: string, onsets: readonly Onset[]): string[] {
  const groups = new Map<string, Onset[]>();
  for (const onset of onsets) {
    const key = `${onset.from}|${onset.to}|${tzName(zone, onset.at)}`;
    groups.set(key, [...(groups.get(key) ?? []), onset]);
  }
  return [...groups.values()].flatMap((group) => component(zone, group, null));
}

/**
 * A VTIMEZONE for `zone` covering `fromYear`..`toYear`, made from the time-zone
 * database rather than written by hand. Changes that recur on the same rule
 * ("last Sunday of March at 02:00") become one component with a yearly RRULE,
 * since Outlook misreads long RDATE-only definitions; a rule that changes part
 * way is split, and the last one is left open so later years are covered too.
 * Changes that follow no rule (Casablanca's around Ramadan) are listed one by one.
 */
export function buildVTimezone(zone: string, fromYear: number, toYear: number): readonly string[] {
  // Feeds and invites ask for the same few zones and years over and over; the answer never changes.
  const key = `${zone}|${fromYear}|${toYear}`;
  let lines = built.get(key);
  if (!lines) {
    lines = writeVTimezone(zone, fromYear, toYear);
    if (built.size >= 1000) built.clear();
    built.set(key, lines);
  }
  return lines;
}

const built = new Map<string, readonly string[]>();

function writeVTimezone(zone: string, fromYear: number, toYear: number): string[] {
  const offsets = ZoneOffsets.for(zone);
  const onsets: Onset[] = [];
  let cursor = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  for (let transition = offsets.transitionBetween(cursor, end); transition;) {
    const from = offsets.offsetAt(transition.at - 1);
    onsets.push({ at: transition.at, from, to: transition.offset, localBefore: transition.at + from * 60_000 });
    cursor = transition.at + 1;
    transition = offsets.transitionBetween(cursor, end);
  }

  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  if (onsets.length === 0) {
    // No change in these years: one standard time from long before.
    const offset = offsets.offsetAt(Date.UTC(fromYear, 0, 1));
    lines.push(
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${formatOffset(offset)}`,
      `TZOFFSETTO:${formatOffset(offset)}`,
      "END:STANDARD",
    );
  }

  // Changes to daylight and changes to standard time each follow their own rule; a rule that
  // changes part way through the years starts a new run.
  const irregular: Onset[] = [];
  for (const toDaylight of [true, false]) {
    let run: Onset[] = [];
    let days: string[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const last = run.at(-1)!;
      const { month } = yearlyPattern(last);
      if (run.length > 1 && days.length > 0) {
        const rule = `FREQ=YEARLY;BYMONTH=${month};${days[0]}`;
        // Still in force at the end of the range: leave it open, so later years are covered too.
        lines.push(...component(zone, run, yearOf(last.at) >= toYear ? rule : `${rule};UNTIL=${formatUtc(last.at)}`));
      } else {
        irregular.push(...run);
      }
    };
    for (const onset of onsets.filter((o) => o.to > o.from === toDaylight)) {
      const pattern = yearlyPattern(onset);
      const previous = run.at(-1);
      const previousPattern = previous && yearlyPattern(previous);
      const shared = days.filter((rule) => pattern.days.includes(rule));
      const continues =
        previous !== undefined &&
        previousPattern !== undefined &&
        onset.from === previous.from &&
        onset.to === previous.to &&
        yearOf(onset.at) === yearOf(previous.at) + 1 &&
        pattern.month === previousPattern.month &&
        pattern.time === previousPattern.time &&
        shared.length > 0;
      if (continues) {
        run.push(onset);
        days = shared;
      } else {
        flush();
        run = [onset];
        days = pattern.days;
      }
    }
    flush();
  }
  lines.push(...irregularComponents(zone, irregular), "END:VTIMEZONE");
  return lines;
}
