import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { berlin, kolkata, person, sanFrancisco, seoul } from "./fixtures";
import { findSlots, proposeRotation, type SlotParticipant, type SlotRequest } from "./slots";

function participant(
  who: typeof berlin,
  role: "host" | "participant" = "participant",
  busy: SlotParticipant["busy"] = [],
) {
  return { ...who, role, busy };
}

const threeContinents: SlotRequest = {
  timeZone: "Europe/Berlin",
  weekStart: "2026-01-12",
  durationMinutes: 30,
  goEarlyMinutes: 0,
  stayLateMinutes: 0,
  weekdays: [1, 2, 3, 4, 5],
  participants: [participant(seoul), participant(berlin), participant(sanFrancisco)],
};

function slots(request: SlotRequest, limit?: number) {
  const result = findSlots(request, limit);
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

describe("slot finding", () => {
  it("puts a time that fits everyone first when there is one", () => {
    const [best] = slots({ ...threeContinents, participants: [participant(berlin), participant(kolkata)] });
    expect(best).toMatchObject({ peopleOutside: 0, minutesOutside: 0 });
    const inBerlin = DateTime.fromMillis(best!.start, { zone: "Europe/Berlin" });
    const inKolkata = DateTime.fromMillis(best!.start, { zone: "Asia/Kolkata" });
    expect(inBerlin.hour).toBeGreaterThanOrEqual(9);
    expect(inKolkata.plus({ minutes: 30 }).hour * 60 + inKolkata.plus({ minutes: 30 }).minute).toBeLessThanOrEqual(
      17 * 60,
    );
  });

  it("ranks by people outside, then minutes outside, on a 15-minute grid in the anchor zone", () => {
    const ranked = slots(threeContinents, 500);
    expect(ranked[0]!.peopleOutside).toBe(1);
    // Seoul and San Francisco overlap only while Berlin sleeps.
    expect(ranked[0]!.outside.map((o) => o.personId)).toEqual(["berlin"]);
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      expect(
        a.peopleOutside < b.peopleOutside ||
          (a.peopleOutside === b.peopleOutside && a.minutesOutside <= b.minutesOutside),
      ).toBe(true);
    }
    for (const slot of ranked) expect(DateTime.fromMillis(slot.start, { zone: "Europe/Berlin" }).minute % 15).toBe(0);
  });

  it("only offers the allowed weekdays, read in the anchor zone", () => {
    for (const slot of slots({ ...threeContinents, weekdays: [3] }, 200)) {
      expect(DateTime.fromMillis(slot.start, { zone: "Europe/Berlin" }).weekday).toBe(3);
    }
  });

  it("never offers a slot that overlaps someone's existing meeting, buffers included", () => {
    const [best] = slots(threeContinents);
    const busySeoul = participant(seoul, "host", [{ start: best!.start, end: best!.end }]);
    const again = slots(
      { ...threeContinents, participants: [busySeoul, participant(berlin), participant(sanFrancisco)] },
      1000,
    );
    expect(again.some((slot) => slot.start < best!.end && slot.end > best!.start)).toBe(false);

    // A host's go-early time counts: a meeting ending just before the slot blocks it once buffers are added.
    const justBefore = { start: best!.start - 30 * 60_000, end: best!.start - 5 * 60_000 };
    const host = participant(seoul, "host", [justBefore]);
    const withBuffers = slots(
      { ...threeContinents, goEarlyMinutes: 10, participants: [host, participant(berlin), participant(sanFrancisco)] },
      1000,
    );
    expect(withBuffers.some((slot) => slot.start === best!.start)).toBe(false);
    const without = slots(
      { ...threeContinents, participants: [host, participant(berlin), participant(sanFrancisco)] },
      1000,
    );
    expect(without.some((slot) => slot.start === best!.start)).toBe(true);
  });

  it("validates what it is asked", () => {
    const result = findSlots({
      ...threeContinents,
      timeZone: "Berlin",
      durationMinutes: 0,
      goEarlyMinutes: 121,
      weekdays: [],
      participants: [participant(person("x", "Nowhere/City"))],
    });
    expect(result.success ? {} : result.errors).toEqual({
      timeZone: "validation.timeZoneUnknown",
      durationMinutes: "validation.durationPositive",
      goEarlyMinutes: "validation.bufferTooLong",
      weekdays: "validation.weekdaysRequired",
      "participants.0.timeZone": "validation.timeZoneUnknown",
    });
    const nobody = findSlots({ ...threeContinents, participants: [] });
    expect(nobody.success ? {} : nobody.errors).toEqual({ participants: "validation.participantsRequired" });
  });
});

describe("rotating schedule", () => {
  it("is not needed when a time fits everyone", () => {
    const result = proposeRotation({ ...threeContinents, participants: [participant(berlin), participant(kolkata)] });
    expect(result).toEqual({ success: true, data: null });
  });

  it("spreads the out-of-hours meetings across people instead of always the same one", () => {
    const result = proposeRotation(threeContinents, 12);
    if (!result.success || !result.data) throw new Error("expected a rotation");
    const { slots: cycle, tally } = result.data;
    expect(cycle.length).toBeGreaterThan(1);
    expect(tally.map((entry) => entry.meetings)).toEqual([12, 12, 12]);

    const outside = tally.map((entry) => entry.meetingsOutside);
    const [best] = slots(threeContinents);
    // The single best slot leaves Berlin out every time; the rotation never does that to anyone.
    expect(best!.outside.map((o) => o.personId)).toEqual(["berlin"]);
    expect(Math.max(...outside)).toBeLessThan(12);
    expect(Math.max(...outside) - Math.min(...outside)).toBeLessThanOrEqual(2);
  });

  it("recounts each week on the wall clock, so a DST change shows in the tally", () => {
    // Berlin and Seoul share no 09:00-17:00 time in winter; after Berlin springs forward on 29 March they do.
    const request = {
      ...threeContinents,
      weekStart: "2026-03-23",
      participants: [participant(berlin), participant(seoul)],
    };
    const result = proposeRotation(request, 6);
    if (!result.success || !result.data) throw new Error("expected a rotation");
    const { slots: cycle, tally } = result.data;

    // The same tally, computed with luxon: each week the anchor's wall-clock time, then each person's own clock.
    const outsideCounts = (keepWallClock: boolean) =>
      [berlin, seoul].map((who) => {
        let count = 0;
        for (let week = 0; week < 6; week++) {
          const slot = cycle[week % cycle.length]!;
          const first = DateTime.fromMillis(slot.start, { zone: "Europe/Berlin" });
          const start = (keepWallClock ? first.plus({ weeks: week }) : first.plus({ hours: 168 * week })).setZone(
            who.timeZone,
          );
          const end = start.plus({ minutes: 30 });
          const inside =
            start.weekday <= 5 && start.hour >= 9 && end.hasSame(start, "day") && end.hour * 60 + end.minute <= 17 * 60;
          if (!inside) count++;
        }
        return count;
      });
    expect(tally.map((entry) => entry.meetingsOutside)).toEqual(outsideCounts(true));
    // Had the tally kept the instant instead of the wall clock, it would have said something else.
    expect(outsideCounts(false)).not.toEqual(outsideCounts(true));
  });
});
