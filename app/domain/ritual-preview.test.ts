import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  berlin,
  chatham,
  kolkata,
  sanFrancisco,
  seoul,
  tuesdaysInBerlin,
  localInstant,
  wednesdayRotationInSeoul,
} from "~tests/support/domain-fixtures";
import { previewMeetings, type PreviewPerson } from "./ritual-preview";

const at = localInstant;
const noBuffers = { goEarlyMinutes: 0, stayLateMinutes: 0 };
const people: PreviewPerson[] = [
  { ...berlin, role: "host" },
  { ...seoul, role: "participant" },
  { ...sanFrancisco, role: "participant" },
  { ...kolkata, role: "participant" },
  { ...chatham, role: "participant" },
];

describe("the editor's preview of the next meetings", () => {
  it("shows each person every meeting on their own clock, as luxon converts it", () => {
    const preview = previewMeetings(tuesdaysInBerlin, noBuffers, people, at("2026-02-01T00:00", "UTC"));
    expect(preview.length).toBeGreaterThanOrEqual(5);
    for (const meeting of preview) {
      expect(DateTime.fromMillis(meeting.start, { zone: "Europe/Berlin" }).toFormat("ccc HH:mm")).toBe("Tue 10:00");
      meeting.rows.forEach((row, index) => {
        const local = DateTime.fromMillis(meeting.start, { zone: people[index]!.timeZone });
        expect(row.localDate).toBe(local.toISODate());
        expect(row.localStartMinutes).toBe(local.hour * 60 + local.minute);
      });
    }
  });

  it("adds the first meeting after the next clock change, and shows who sees it move", () => {
    // Five Tuesdays from 3 February end on 3 March; the next change is the US on 8 March.
    const preview = previewMeetings(tuesdaysInBerlin, noBuffers, people, at("2026-02-01T00:00", "UTC"));
    const added = preview.at(-1)!;
    expect(added.clockChange).toEqual({ timeZone: "America/Los_Angeles", at: Date.UTC(2026, 2, 8, 10) });
    expect(DateTime.fromMillis(added.start, { zone: "Europe/Berlin" }).toISODate()).toBe("2026-03-10");
    const shifts = Object.fromEntries(added.rows.map((row) => [row.personId, row.shiftMinutes]));
    // San Francisco's 01:00 becomes 02:00; nobody else's clock moved.
    expect(shifts).toEqual({ berlin: 0, seoul: 0, "san-francisco": 60, kolkata: 0, chatham: 0 });
  });

  it("shows Seoul the Berlin meeting an hour earlier once Berlin springs forward, and back in October", () => {
    const preview = previewMeetings(tuesdaysInBerlin, noBuffers, people.slice(0, 2), at("2026-03-12T12:00", "UTC"));
    const seoulStarts = preview.map((meeting) => [
      DateTime.fromMillis(meeting.start, { zone: "Europe/Berlin" }).toISODate(),
      meeting.rows[1]!.localStartMinutes / 60,
      meeting.rows[1]!.shiftMinutes,
    ]);
    expect(seoulStarts).toEqual([
      ["2026-03-17", 18, 0],
      ["2026-03-24", 18, 0],
      ["2026-03-31", 17, -60],
      ["2026-04-07", 17, 0],
      ["2026-04-14", 17, 0],
      // Added: the first meeting after the next change, Berlin falling back on 25 October.
      ["2026-10-27", 18, 60],
    ]);
    expect(preview.at(-1)!.clockChange).toEqual({ timeZone: "Europe/Berlin", at: Date.UTC(2026, 9, 25, 1) });
    expect(preview.slice(0, -1).every((meeting) => meeting.clockChange === null)).toBe(true);
  });

  it("flags another day and time outside working hours", () => {
    const [first] = previewMeetings(tuesdaysInBerlin, noBuffers, people, at("2026-02-01T00:00", "UTC"));
    const byId = Object.fromEntries(first!.rows.map((row) => [row.personId, row]));
    // Berlin 10:00 is 01:00 in San Francisco (outside), 18:00 in Seoul (outside, work ends 17:00), 22:00 in Chatham.
    expect(byId["san-francisco"]).toMatchObject({ dayShift: 0, minutesOutside: 30 });
    expect(byId.seoul).toMatchObject({ dayShift: 0, minutesOutside: 30 });
    expect(byId.berlin).toMatchObject({ dayShift: 0, minutesOutside: 0 });
    expect(byId.chatham).toMatchObject({ dayShift: 0, localStartMinutes: 22 * 60 + 45 });
    const late = previewMeetings(
      { ...tuesdaysInBerlin, startMinutes: 16 * 60 },
      noBuffers,
      people,
      at("2026-02-01T00:00", "UTC"),
    )[0]!;
    expect(late.rows.find((row) => row.personId === "chatham")).toMatchObject({ dayShift: 1 });
  });

  it("shows nothing for a series that has ended, and a one-off once", () => {
    expect(
      previewMeetings({ ...tuesdaysInBerlin, count: 2 }, noBuffers, people, at("2026-06-01T00:00", "UTC")),
    ).toEqual([]);
    const once = previewMeetings(
      { ...tuesdaysInBerlin, frequency: "once", weekdays: [], startDate: "2026-06-02" },
      noBuffers,
      people,
      at("2026-06-01T00:00", "UTC"),
    );
    expect(once).toHaveLength(1);
    expect(once[0]!.start).toBe(at("2026-06-02T10:00", "Europe/Berlin"));
  });
});

describe("a rotation in the preview", () => {
  it("marks each switch between turns as the next turn, and a clock change as a clock change", () => {
    // No clock change in Seoul or Berlin in December.
    const preview = previewMeetings(
      wednesdayRotationInSeoul,
      noBuffers,
      people.slice(0, 2),
      at("2026-12-01T00:00", "UTC"),
    );
    expect(preview.slice(0, 5).map((meeting) => meeting.turnChanged)).toEqual([false, true, true, true, true]);
    expect(preview[1]!.rows[1]!.shiftMinutes).toBe(8 * 60);
    // Without a rotation, the shift after Berlin springs forward is no turn.
    const plain = previewMeetings(tuesdaysInBerlin, noBuffers, people.slice(0, 2), at("2026-03-12T12:00", "UTC"));
    expect(plain.some((meeting) => meeting.turnChanged)).toBe(false);
    expect(plain.some((meeting) => meeting.rows[1]!.shiftMinutes !== 0)).toBe(true);
  });
});
