import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { berlin, chatham, kolkata, sanFrancisco, seoul } from "~tests/support/domain-fixtures";
import { localMinutesAt, overlapChart, type ChartRow } from "./overlap-chart";

const noBuffers = { goEarlyMinutes: 0, stayLateMinutes: 0 };
const people = [
  { ...seoul, role: "host" as const },
  { ...berlin, role: "participant" as const },
  { ...sanFrancisco, role: "participant" as const },
];

/** A 30-minute meeting at a wall-clock time in Berlin. */
function berlinMeeting(iso: string) {
  const start = DateTime.fromISO(iso, { zone: "Europe/Berlin" }).toMillis();
  return { start, end: start + 30 * 60_000 };
}

/** What luxon says the clock shows for this person at the chart's position `at`. */
function luxonLocal(chartStart: number, at: number, zone: string): number {
  const local = DateTime.fromMillis(chartStart + at * 60_000, { zone });
  return local.hour * 60 + local.minute;
}

function row(rows: ChartRow[], id: string): ChartRow {
  return rows.find((r) => r.personId === id)!;
}

describe("the overlap chart's geometry", () => {
  it.each([
    ["winter", "2026-03-24T09:30", 9 * 60 + 30],
    // After Berlin springs forward (29 March), before or after the US did (8 March).
    ["summer", "2026-03-31T09:30", 9 * 60 + 30],
    ["after October's change", "2026-10-27T09:30", 9 * 60 + 30],
  ])(
    "places the meeting at the same instant on every row, on each person's own clock (%s)",
    (_, iso, berlinMinutes) => {
      const meeting = berlinMeeting(iso);
      const chart = overlapChart(meeting, "Europe/Berlin", noBuffers, people);
      // The chart starts at midnight in Berlin, so the meeting sits at its Berlin time.
      expect(chart.meeting).toEqual({ from: berlinMinutes, to: berlinMinutes + 30 });
      for (const person of people) {
        const r = row(chart.rows, person.id);
        const expected = DateTime.fromMillis(meeting.start, { zone: person.timeZone });
        expect(r.meetingLocalStart, person.id).toBe(expected.hour * 60 + expected.minute);
        expect(r.meetingDate, person.id).toBe(expected.toISODate());
        expect(localMinutesAt(r, chart.meeting.from), person.id).toBe(expected.hour * 60 + expected.minute);
      }
    },
  );

  it("shows Seoul an hour earlier against Berlin once Berlin's clocks go forward", () => {
    const before = overlapChart(berlinMeeting("2026-03-24T09:30"), "Europe/Berlin", noBuffers, people);
    const after = overlapChart(berlinMeeting("2026-03-31T09:30"), "Europe/Berlin", noBuffers, people);
    expect(row(before.rows, "seoul").meetingLocalStart).toBe(17 * 60 + 30);
    expect(row(after.rows, "seoul").meetingLocalStart).toBe(16 * 60 + 30);
    // Seoul's working day (09:00-17:00) moves an hour to the right on Berlin's axis.
    const work = (chart: typeof before) => row(chart.rows, "seoul").hours.find((h) => h.kind === "work")!;
    expect(work(after).from - work(before).from).toBe(60);
  });

  it("draws every local clock as luxon reads it, across the whole day", () => {
    const chart = overlapChart(berlinMeeting("2026-03-29T09:30"), "Europe/Berlin", noBuffers, [
      ...people,
      { ...kolkata, role: "participant" },
      { ...chatham, role: "participant" },
    ]);
    for (const r of chart.rows) {
      for (let at = 0; at < 1440; at += 15) {
        expect(localMinutesAt(r, at), `${r.timeZone} at ${at}`).toBe(luxonLocal(chart.start, at, r.timeZone));
      }
    }
  });

  it("puts working hours where each person's 09:00 and 17:00 fall, +5:30 and +12:45 included", () => {
    const meeting = berlinMeeting("2026-01-13T09:30");
    const chart = overlapChart(meeting, "Europe/Berlin", noBuffers, [
      { ...kolkata, role: "participant" },
      { ...chatham, role: "participant" },
      { ...berlin, role: "participant" },
    ]);
    for (const r of chart.rows) {
      for (const span of r.hours.filter((h) => h.kind === "work")) {
        // Starts and ends are on the grid; the local clock there reads inside 09:00-17:00.
        const local = luxonLocal(chart.start, span.from, r.timeZone);
        expect(local, r.timeZone).toBeGreaterThanOrEqual(9 * 60);
        expect(luxonLocal(chart.start, span.to - 15, r.timeZone), r.timeZone).toBeLessThan(17 * 60);
      }
    }
    // Berlin works 09:00-17:00 on its own axis exactly.
    expect(row(chart.rows, "berlin").hours.filter((h) => h.kind === "work")).toEqual([
      { from: 9 * 60, to: 17 * 60, kind: "work" },
    ]);
    // Kolkata (+4:30 against Berlin in winter): 09:00 there is 04:30 on Berlin's axis.
    expect(row(chart.rows, "kolkata").hours.find((h) => h.kind === "work")!.from).toBe(4 * 60 + 30);
  });

  it("marks where someone's date changes, and their day against the ritual's", () => {
    const chart = overlapChart(berlinMeeting("2026-01-13T09:30"), "Europe/Berlin", noBuffers, people);
    const seoulRow = row(chart.rows, "seoul");
    // Seoul's midnight is 16:00 in Berlin (UTC+9 against UTC+1).
    expect(seoulRow.dateLines).toEqual([{ at: 16 * 60, date: "2026-01-14", weekday: 3 }]);
    expect(row(chart.rows, "san-francisco").dateLines).toEqual([{ at: 9 * 60, date: "2026-01-13", weekday: 2 }]);
    // 09:30 in Berlin is 00:30 the same day in San Francisco; a Seoul 08:00 meeting is the day before there.
    const seoulMorning = overlapChart(
      { start: DateTime.fromISO("2026-01-13T08:00", { zone: "Asia/Seoul" }).toMillis(), end: 0 },
      "Asia/Seoul",
      noBuffers,
      people,
    );
    expect(row(seoulMorning.rows, "san-francisco").dayShift).toBe(-1);
    expect(row(seoulMorning.rows, "seoul").dayShift).toBe(0);
  });

  it("draws the buffers around the meeting, and counts them for hosts only", () => {
    const chart = overlapChart(
      berlinMeeting("2026-01-13T08:00"),
      "Europe/Berlin",
      { goEarlyMinutes: 10, stayLateMinutes: 10 },
      people,
    );
    expect(chart.goEarly).toEqual({ from: 7 * 60 + 50, to: 8 * 60 });
    expect(chart.stayLate).toEqual({ from: 8 * 60 + 30, to: 8 * 60 + 40 });
    // Seoul hosts: 15:50-16:40 is inside 09:00-17:00. Berlin only attends 08:00-08:30: all outside 09:00.
    expect(row(chart.rows, "seoul").minutesOutside).toBe(0);
    expect(row(chart.rows, "berlin").minutesOutside).toBe(30);
  });

  it("shades when someone is busy elsewhere at their place in the day, and says whether it touches their part", () => {
    const meeting = berlinMeeting("2026-01-13T08:00");
    const seoulBusy = (from: string, to: string) => ({
      start: DateTime.fromISO(from, { zone: "Asia/Seoul" }).toMillis(),
      end: DateTime.fromISO(to, { zone: "Asia/Seoul" }).toMillis(),
    });
    const elsewhere = new Map([
      // 15:45-15:55 in Seoul: the host's go-early time (the meeting is 16:00-16:30 there), and an evening out.
      ["seoul", [seoulBusy("2026-01-13T15:45", "2026-01-13T15:55"), seoulBusy("2026-01-13T19:00", "2026-01-14T02:00")]],
    ]);
    const buffered = { goEarlyMinutes: 10, stayLateMinutes: 0 };
    const chart = overlapChart(meeting, "Europe/Berlin", buffered, people, elsewhere);
    const host = row(chart.rows, "seoul");
    // The chart starts at Berlin's midnight, 08:00 in Seoul: 15:45 is 465 minutes on, and the evening is cut at the edge.
    expect(host.busy).toEqual([
      { from: 465, to: 475 },
      { from: 660, to: 1080 },
    ]);
    expect(host.busyDuringMeeting).toBe(true);
    // Without the go-early minutes (a participant's view) the first stretch misses the meeting.
    expect(overlapChart(meeting, "Europe/Berlin", noBuffers, people, elsewhere).rows[0]!.busyDuringMeeting).toBe(false);
    expect(row(chart.rows, "berlin").busy).toEqual([]);
  });

  it("reads a position on the ritual's axis as its wall-clock time, on a clock-change day too", () => {
    const chart = overlapChart(berlinMeeting("2026-03-29T09:30"), "Europe/Berlin", noBuffers, people);
    // Berlin springs forward at 02:00: an hour is skipped, so 09:30 sits 8.5 hours from midnight.
    expect(chart.anchorJumps).toEqual([{ at: 120, minutes: 60 }]);
    expect(chart.meeting.from).toBe(8 * 60 + 30);
    const axis = { localAtStart: 0, clockJumps: chart.anchorJumps };
    expect(localMinutesAt(axis, chart.meeting.from)).toBe(9 * 60 + 30);
    expect(localMinutesAt(axis, 60)).toBe(60);
  });
});
