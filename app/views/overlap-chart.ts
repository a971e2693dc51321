import type { TFunction } from "i18next";
import { DateTime } from "luxon";
import { formatDay, formatTime } from "~/i18n/format";
import type { Buffers, Role } from "~/domain/buffers";
import { overlapChart } from "~/domain/overlap-chart";
import type { Interval } from "~/domain/recurrence";
import type { PreviewMeeting } from "~/domain/ritual-preview";
import type { Person } from "~/domain/working-hours";

const TICK_HOURS = 3;

interface ChartContext {
  locale: string;
  t: TFunction;
  /** Each member's busy times in their own calendars, by id. */
  elsewhere?: ReadonlyMap<string, readonly Interval[]>;
}

/** The overlap chart of one meeting, with its labels written for the viewer. */
export function overlapChartView(
  meeting: Interval,
  anchorZone: string,
  buffers: Buffers,
  people: readonly (Person & { role: Role })[],
  { locale, t, elsewhere }: ChartContext,
) {
  const chart = overlapChart(meeting, anchorZone, buffers, people, elsewhere);
  const dayLabel = (isoDate: string) =>
    DateTime.fromISO(isoDate, { locale }).toLocaleString({ weekday: "short", day: "numeric" });
  return {
    title: t("chart.title", { date: formatDay(meeting.start, anchorZone, locale), zone: anchorZone }),
    meeting: chart.meeting,
    goEarly: chart.goEarly,
    stayLate: chart.stayLate,
    // The anchor zone's clock along the top; the editor reads a clicked position on it.
    axis: {
      localAtStart: 0,
      clockJumps: chart.anchorJumps,
      // Bare 24-hour numbers ("09"): short enough for a phone, the same in every language.
      ticks: Array.from({ length: 24 / TICK_HOURS }, (_, i) => ({
        at: i * TICK_HOURS * 60,
        label: String(i * TICK_HOURS).padStart(2, "0"),
      })),
    },
    rows: chart.rows.map((row, index) => {
      const person = people[index]!;
      const local = `${formatDay(meeting.start, row.timeZone, locale)} ${formatTime(meeting.start, row.timeZone, locale)}`;
      return {
        personId: row.personId,
        name: person.name,
        timeZone: row.timeZone,
        role: row.role,
        hours: row.hours,
        dateLines: row.dateLines.map((line) => ({ at: line.at, label: dayLabel(line.date) })),
        localAtStart: row.localAtStart,
        clockJumps: row.clockJumps,
        local,
        dayShift: row.dayShift,
        minutesOutside: row.minutesOutside,
        busy: row.busy,
        summary: [
          t(row.minutesOutside > 0 ? "chart.rowOutside" : "chart.rowInside", {
            name: person.name,
            zone: row.timeZone,
            local,
            count: row.minutesOutside,
          }),
          row.busyDuringMeeting ? t("chart.busyDuringMeeting") : "",
        ]
          .filter(Boolean)
          .join(" "),
      };
    }),
  };
}

export type OverlapChartView = ReturnType<typeof overlapChartView>;

/**
 * The charts a ritual shows: its next meeting, and the first meeting after the
 * next clock change when the preview reaches one, so the shift is visible.
 */
export function chartsFor(
  upcoming: readonly PreviewMeeting[],
  rule: { timeZone: string } & Buffers,
  people: readonly (Person & { role: Role })[],
  context: ChartContext,
): OverlapChartView[] {
  return [upcoming[0], upcoming.find((meeting) => meeting.clockChange)]
    .filter((meeting) => meeting !== undefined)
    .map((meeting) => overlapChartView(meeting, rule.timeZone, rule, people, context));
}
