import { describe, expect, it } from "vitest";
import { tuesdaysInBerlin } from "~tests/support/domain-fixtures";
import type { Ritual } from "./ritual";
import { seriesChanges } from "./series-changes";

const checkIn: Ritual = {
  ...tuesdaysInBerlin,
  id: "r1",
  kind: "check-in",
  title: "Check-in",
  rotationStarts: [],
  agendaTemplate: "",
  videoUrl: "https://meet.example/a",
  goEarlyMinutes: 5,
  stayLateMinutes: 5,
};

describe("what a series edit tells the people on it", () => {
  it("names each change once, in the order a mail says it", () => {
    expect(seriesChanges(checkIn, { ...checkIn, agendaTemplate: "new agenda", goEarlyMinutes: 10 })).toEqual([]);
    expect(
      seriesChanges(checkIn, {
        ...checkIn,
        title: "Team check-in",
        startMinutes: 11 * 60,
        durationMinutes: 45,
        weekdays: [2, 4],
        videoUrl: "https://meet.example/b",
      }),
    ).toEqual([
      { key: "title", from: "Check-in" },
      { key: "time", from: tuesdaysInBerlin.startMinutes, to: 11 * 60, zone: "Europe/Berlin" },
      { key: "length", from: tuesdaysInBerlin.durationMinutes, to: 45 },
      { key: "days" },
      { key: "place" },
    ]);
    expect(seriesChanges(checkIn, { ...checkIn, timeZone: "Asia/Seoul" })).toEqual([
      { key: "zone", from: "Europe/Berlin", to: "Asia/Seoul" },
    ]);
  });
});
