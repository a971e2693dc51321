import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { berlin, kolkata, person, sanFrancisco, seoul } from "~tests/support/domain-fixtures";
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

  it("ranks night first, then people outside, then minutes outside, on a 15-minute grid in the anchor zone", () => {
    const ranked = slots(threeContinents, 500);
    // Seoul, Berlin and San Francisco share no time that is daytime for all three: one of them is up at night.
    expect(ranked[0]!.peopleAtNight).toBe(1);
    const order = (slot: (typeof ranked)[number]) => [
      slot.peopleAtNight,
      slot.nightDepth,
      slot.minutesAtNight,
      slot.peopleOutside,
      slot.minutesOutside,
    ];
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [order(ranked[i - 1]!), order(ranked[i]!)];
      const firstDifference = a.findIndex((value, index) => value !== b[index]);
      if (firstDifference >= 0) expect(a[firstDifference]).toBeLessThan(b[firstDifference]!);
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

/** Whether a local time (luxon) falls in 22:00-07:00, a day worker's night. */
function isNightThere(instant: number, zone: string) {
  const hour = DateTime.fromMillis(instant, { zone }).hour;
  return hour >= 22 || hour < 7;
}

describe("suggestions respect people's nights", () => {
  const tokyoContact = {
    ...person("tokyo-contact", "Asia/Tokyo"),
    role: "participant" as const,
    customer: true,
    busy: [],
  };
  const teaTime: SlotRequest = {
    timeZone: "Asia/Tokyo",
    weekStart: "2026-12-07",
    durationMinutes: 30,
    goEarlyMinutes: 10,
    stayLateMinutes: 10,
    weekdays: [1, 2, 3, 4, 5],
    participants: [
      participant(seoul, "host"),
      participant(berlin),
      participant(person("los-angeles", "America/Los_Angeles")),
      participant(kolkata),
      tokyoContact,
    ],
  };

  it("never asks a customer to meet at night while any daytime slot exists", () => {
    const ranked = slots(teaTime, 2000);
    const daytimeForCustomer = ranked.filter((slot) => !isNightThere(slot.start, "Asia/Tokyo"));
    expect(daytimeForCustomer.length).toBeGreaterThan(0);
    const [best] = ranked;
    expect(isNightThere(best!.start, "Asia/Tokyo")).toBe(false);
    expect(isNightThere(best!.end - 1, "Asia/Tokyo")).toBe(false);
    // Every slot that keeps the customer in daylight ranks above every slot that does not.
    const firstNight = ranked.findIndex((slot) => slot.customerAtNight);
    if (firstNight >= 0) expect(ranked.slice(firstNight).every((slot) => slot.customerAtNight)).toBe(true);
  });

  it("weighs an hour at night above any early or late edge", () => {
    // Berlin works 09:00-17:00: 08:00 is an edge hour, 02:00 is night.
    const request = { ...threeContinents, participants: [participant(berlin)], weekdays: [2] };
    const ranked = slots(request, 200);
    const at = (hour: number) =>
      ranked.findIndex((slot) => DateTime.fromMillis(slot.start, { zone: "Europe/Berlin" }).hour === hour);
    expect(at(8)).toBeLessThan(at(2));
    expect(at(20)).toBeLessThan(at(23));
    const twoAm = ranked[at(2)]!;
    // 02:00-02:30 is three hours and more into a 22:00-07:00 night.
    expect(twoAm.outside).toEqual([
      { personId: "berlin", minutes: 30, atNight: 30, nightDepth: expect.any(Number), dayOff: false },
    ]);
    expect(twoAm.outside[0]!.nightDepth).toBeGreaterThan(180);
  });

  it("keeps a night-shift worker's shift as their working time", () => {
    // Works 22:00-06:00 in Kolkata; 01:00 there is inside the shift, 14:00 is their night's sleep.
    const nurse = person("nurse", "Asia/Kolkata", { workStartMinutes: 22 * 60, workEndMinutes: 6 * 60 });
    const request = { ...threeContinents, timeZone: "Asia/Kolkata", participants: [participant(nurse)], weekdays: [3] };
    const ranked = slots(request, 200);
    const [best] = ranked;
    const local = DateTime.fromMillis(best!.start, { zone: "Asia/Kolkata" });
    expect(local.hour >= 22 || local.hour < 6).toBe(true);
    expect(best!.outside).toEqual([]);
    const afternoon = ranked.find((slot) => DateTime.fromMillis(slot.start, { zone: "Asia/Kolkata" }).hour === 14)!;
    // Their night runs 10:00-19:00: 14:00-14:30 is four hours and more into it.
    expect(afternoon.outside).toEqual([
      { personId: "nurse", minutes: 30, atNight: 30, nightDepth: expect.any(Number), dayOff: false },
    ]);
    expect(afternoon.outside[0]!.nightDepth).toBeGreaterThan(180);
  });
});

describe("rotating schedule", () => {
  it("is not needed when a time fits everyone", () => {
    const result = proposeRotation({ ...threeContinents, participants: [participant(berlin), participant(kolkata)] });
    expect(result).toEqual({ success: true, data: null });
  });

  it("spreads the night meetings across people and keeps them near the night's edge", () => {
    const result = proposeRotation(threeContinents, 12);
    if (!result.success || !result.data) throw new Error("expected a rotation");
    const { slots: cycle, tally } = result.data;
    expect(cycle.length).toBeGreaterThan(1);
    expect(tally.map((entry) => entry.meetings)).toEqual([12, 12, 12]);

    const nights = tally.map((entry) => entry.meetingsAtNight);
    const [best] = slots(threeContinents);
    // The single best slot puts one person in their night every week; the rotation takes turns.
    expect(best!.peopleAtNight).toBe(1);
    expect(Math.max(...nights)).toBeLessThan(12);
    expect(Math.max(...nights) - Math.min(...nights)).toBeLessThanOrEqual(1);
    // Its times are really different times: an hour apart at least, on the anchor's clock.
    for (const [i, a] of cycle.entries()) {
      for (const b of cycle.slice(i + 1))
        expect(Math.abs(a.localStartMinutes - b.localStartMinutes)).toBeGreaterThanOrEqual(60);
    }
    // Nobody is asked to meet in the dead of night, 00:00-05:00, on their own clock (luxon reads it).
    for (const slot of cycle) {
      for (const who of [seoul, berlin, sanFrancisco]) {
        for (const instant of [slot.start, slot.end - 1]) {
          const hour = DateTime.fromMillis(instant, { zone: who.timeZone }).hour;
          expect(hour >= 5, `${who.id} at ${hour}:00`).toBe(true);
        }
      }
    }
  });

  it("counts night meetings apart from edge minutes, and spreads the nights too", () => {
    const result = proposeRotation(threeContinents, 12);
    if (!result.success || !result.data) throw new Error("expected a rotation");
    const { slots: cycle, tally } = result.data;
    const people = [seoul, berlin, sanFrancisco];
    // The same count with luxon: each week's meeting at the anchor's wall-clock time, read on each person's clock.
    const nights = people.map((who) => {
      let count = 0;
      for (let week = 0; week < 12; week++) {
        const start = DateTime.fromMillis(cycle[week % cycle.length]!.start, { zone: "Europe/Berlin" }).plus({
          weeks: week,
        });
        if (
          isNightThere(start.toMillis(), who.timeZone) ||
          isNightThere(start.plus({ minutes: 30 }).toMillis() - 1, who.timeZone)
        ) {
          count++;
        }
      }
      return count;
    });
    expect(tally.map((entry) => entry.meetingsAtNight)).toEqual(nights);
    // Nobody is the one up at night every week.
    expect(Math.max(...nights)).toBeLessThan(12);
    for (const entry of tally) expect(entry.meetingsAtNight).toBeLessThanOrEqual(entry.meetingsOutside);
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
