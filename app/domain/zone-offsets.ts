import { DAY, MINUTE } from "~/domain/durations";

interface Transition {
  /** First instant (epoch ms) with the new offset. */
  at: number;
  offset: number;
}

interface YearTimeline {
  initial: number;
  transitions: Transition[];
}

/**
 * A zone's UTC offsets (minutes east) with fast lookups. Asking Intl for every
 * meeting is slow, so each year's transitions are found once (daily samples,
 * then bisection to the millisecond) and reused.
 */
export class ZoneOffsets {
  /** Intl's "GMT+05:30" is several times cheaper to ask for than luxon's offset(). */
  private readonly format: Intl.DateTimeFormat;
  private readonly years = new Map<number, YearTimeline>();
  /** The year asked for last, since lookups come in runs within one year. */
  private recent: { from: number; to: number; timeline: YearTimeline } | null = null;

  private constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat("en-US", { timeZone: name, timeZoneName: "longOffset" });
  }

  private static readonly cache = new Map<string, ZoneOffsets>();

  /** One shared instance per zone name; the name must already be valid. */
  static for(name: string): ZoneOffsets {
    let zone = ZoneOffsets.cache.get(name);
    if (!zone) {
      zone = new ZoneOffsets(name);
      ZoneOffsets.cache.set(name, zone);
    }
    return zone;
  }

  private slowOffset(ms: number): number {
    const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(this.format.format(ms));
    if (!match?.[1]) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3]);
    return match[1] === "-" ? -minutes : minutes;
  }

  private year(year: number): YearTimeline {
    let timeline = this.years.get(year);
    if (timeline) return timeline;
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const initial = this.slowOffset(start);
    const transitions: Transition[] = [];
    let previous = initial;
    for (let sample = start + DAY; sample <= end; sample += DAY) {
      const offset = this.slowOffset(sample);
      if (offset !== previous) {
        let low = sample - DAY;
        let high = sample;
        while (high - low > 1) {
          const middle = Math.floor((low + high) / 2);
          if (this.slowOffset(middle) === previous) low = middle;
          else high = middle;
        }
        if (high < end) transitions.push({ at: high, offset });
        previous = offset;
      }
    }
    timeline = { initial, transitions };
    this.years.set(year, timeline);
    return timeline;
  }

  /** Minutes east of UTC at the instant `ms`. */
  offsetAt(ms: number): number {
    let recent = this.recent;
    if (!recent || ms < recent.from || ms >= recent.to) {
      const year = new Date(ms).getUTCFullYear();
      recent = this.recent = { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1), timeline: this.year(year) };
    }
    const { initial, transitions } = recent.timeline;
    let offset = initial;
    for (const transition of transitions) {
      if (transition.at > ms) break;
      offset = transition.offset;
    }
    return offset;
  }

  /** The first offset change in [from, to), if any. */
  transitionBetween(from: number, to: number): Transition | undefined {
    for (let year = new Date(from).getUTCFullYear(); year <= new Date(to).getUTCFullYear(); year++) {
      const found = this.year(year).transitions.find((t) => t.at >= from && t.at < to);
      if (found) return found;
    }
    return undefined;
  }

  /** Every offset change in [from, to), oldest first. */
  transitionsBetween(from: number, to: number): Transition[] {
    const found: Transition[] = [];
    for (let year = new Date(from).getUTCFullYear(); year <= new Date(to).getUTCFullYear(); year++) {
      found.push(...this.year(year).transitions.filter((t) => t.at >= from && t.at < to));
    }
    return found;
  }

  /** Wall-clock time here, written as if it were UTC (for date arithmetic without a zone). */
  toLocalMs(ms: number): number {
    return ms + this.offsetAt(ms) * MINUTE;
  }
}

export type LocalAdjustment = "gap" | "ambiguous" | null;

/**
 * The instant of a local wall-clock time (given as if it were UTC). A time that
 * does not exist (spring forward) moves to the next valid minute, the end of the
 * gap; a time that happens twice (fall back) takes the first instant. Either way
 * the caller is told, so the person can be too.
 */
export function localToInstant(zone: ZoneOffsets, localMs: number): { instant: number; adjustment: LocalAdjustment } {
  const earlyOffset = zone.offsetAt(localMs - DAY);
  const lateOffset = zone.offsetAt(localMs + DAY);
  const early = localMs - earlyOffset * MINUTE;
  const late = localMs - lateOffset * MINUTE;
  const earlyValid = zone.offsetAt(early) === earlyOffset;
  const lateValid = zone.offsetAt(late) === lateOffset;
  if (earlyValid && lateValid && early !== late) {
    return { instant: Math.min(early, late), adjustment: "ambiguous" };
  }
  if (earlyValid) return { instant: early, adjustment: null };
  if (lateValid) return { instant: late, adjustment: null };
  const transition = zone.transitionBetween(Math.min(early, late), Math.max(early, late) + 1);
  return { instant: transition ? transition.at : late, adjustment: "gap" };
}
