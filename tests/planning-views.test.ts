import { createInstance } from "i18next";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { draftFromFields, fieldsForNewRitual } from "~/domain/ritual-form";
import { i18nConfig } from "~/i18n/catalogs.server";
import { loadTeamPlanning, type TeamPlanning } from "~/models/planning.server";
import { createRitual } from "~/models/ritual.server";
import { createMember } from "~/models/member.server";
import { planRitual } from "~/views/ritual-editor.server";
import { buildSchedule } from "~/views/schedule.server";
import { signedUpUser, teamOwnedBy } from "./support/accounts";

const world = {} as { teamId: string; leadId: string; seoulId: string; laId: string };
let t: Awaited<ReturnType<typeof translator>>;

async function translator() {
  const i18n = createInstance();
  await i18n.init({ ...i18nConfig, lng: "en" });
  return i18n.t;
}

beforeAll(async () => {
  t = await translator();
  const lead = await signedUpUser("lead@views.example");
  const team = await teamOwnedBy(lead, "Views");
  const member = async (name: string, timeZone: string) => {
    const created = await createMember(team.teamId, {
      name,
      email: `${name.toLowerCase()}@views.example`,
      timeZone,
      workStart: "09:00",
      workEnd: "18:00",
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    return created.value.id;
  };
  Object.assign(world, {
    teamId: team.teamId,
    leadId: team.memberId,
    seoulId: await member("Seoyeon", "Asia/Seoul"),
    laId: await member("Sam", "America/Los_Angeles"),
  });
});

/** A check-in draft on 1 December 2026 (winter everywhere north) with the chosen people. */
function checkIn(participantIds: string[]) {
  return {
    ...fieldsForNewRitual("check-in", {
      title: "Check-in",
      timeZone: "Europe/Berlin",
      startDate: "2026-12-01",
      hostId: world.leadId,
      memberIds: [],
      customer: null,
    }),
    participantIds,
  };
}

const now = DateTime.fromISO("2026-11-25T12:00", { zone: "UTC" }).toMillis();
const plan = (fields: Record<string, string | string[]>, planning: TeamPlanning) =>
  planRitual(fields, { planning, locale: "en", t, now });

describe("the ritual editor's plan", () => {
  it("suggests a time inside everyone's hours first, and that suggestion previews with nobody outside", async () => {
    const planning = await loadTeamPlanning(world.teamId);
    const first = plan(checkIn([world.seoulId]), planning);
    expect(first.errors).toEqual({});
    // 10:00 Berlin is 18:00 in Seoul in December: past the end of Seoyeon's day.
    expect(first.preview[0]!.rows.find((row) => row.name === "Seoyeon")!.minutesOutside).toBe(30);
    const best = first.suggestions[0]!;
    expect(best.outside).toEqual([]);
    const picked = Object.fromEntries(new URLSearchParams(best.search));
    const fields = { ...checkIn([world.seoulId]), startTime: picked.startTime! };
    const again = plan(fields, planning);
    expect(again.preview.every((meeting) => meeting.rows.every((row) => row.minutesOutside === 0))).toBe(true);
    expect(again.rotation).toBeNull();
  });

  it("starts a new weekly series on the date its suggestion names", async () => {
    const planning = await loadTeamPlanning(world.teamId);
    const happyHour = {
      ...fieldsForNewRitual("happy-hour", {
        title: "Happy hour",
        timeZone: "Europe/Berlin",
        startDate: "2026-12-01",
        hostId: world.leadId,
        memberIds: [world.seoulId],
        customer: null,
      }),
    };
    const result = plan(happyHour, planning);
    expect(result.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of result.suggestions) {
      const picked = Object.fromEntries(new URLSearchParams(suggestion.search));
      const named = DateTime.fromISO(`${picked.startDate}T${picked.startTime}`, { zone: "Europe/Berlin" });
      // The label's day and time are the first meeting's: "Wed, Dec 2 4:00 PM" starts on that Wednesday.
      expect(suggestion.label).toBe(named.setLocale("en").toFormat("ccc, LLL d h:mm a"));
      const fields = { ...happyHour, ...picked, weekdays: [picked.weekdays!] };
      expect(plan(fields, planning).preview[0]!.rows.length).toBeGreaterThan(0);
      const first = draftFromFields(fields).draft;
      expect(first.startDate).toBe(named.toISODate());
    }
  });

  it("proposes a rotation with a tally when Seoul and Los Angeles cannot both be inside their hours", async () => {
    const planning = await loadTeamPlanning(world.teamId);
    const result = plan(checkIn([world.seoulId, world.laId]), planning);
    expect(result.suggestions[0]!.outside).not.toEqual([]);
    expect(result.rotation!.slots.length).toBeGreaterThanOrEqual(2);
    const tally = Object.fromEntries(result.rotation!.tally.map((entry) => [entry.name, entry]));
    expect(tally.Seoyeon!.meetings).toBe(12);
    // Taking turns at night: nobody is up in their night at every meeting, and the nights are shared out evenly.
    const nights = result.rotation!.tally.map((entry) => entry.night);
    for (const entry of result.rotation!.tally) expect(entry.night).toBeLessThan(entry.meetings);
    expect(Math.max(...nights) - Math.min(...nights)).toBeLessThanOrEqual(1);
    // A night is said as such, not only as minutes outside.
    expect(result.rotation!.slots.flatMap((slot) => slot.outside).some((text) => text.includes("at night"))).toBe(true);
  });

  it("offers a rotation, or says why there is none, when every time puts someone in Seoul, Berlin or Los Angeles at night", async () => {
    const planning = await loadTeamPlanning(world.teamId);
    const everyone = [world.seoulId, world.laId];
    const zones = ["Asia/Seoul", "Europe/Berlin", "America/Los_Angeles"];
    // Night is 22:00-07:00 local: checked with luxon for every time the editor suggests.
    const someoneAtNight = (start: number) =>
      zones.some((zone) => {
        const local = DateTime.fromMillis(start, { zone });
        const minutes = local.hour * 60 + local.minute;
        return minutes >= 22 * 60 || minutes < 7 * 60 || minutes + 30 > 22 * 60;
      });
    const weekly = plan(checkIn(everyone), planning);
    const oneOff = plan({ ...checkIn(everyone), frequency: "once" }, planning);
    for (const result of [weekly, oneOff]) {
      expect(result.suggestions.length).toBeGreaterThan(0);
      for (const suggestion of result.suggestions) expect(someoneAtNight(Number(suggestion.key))).toBe(true);
      // Either a rotation is offered or the editor says why not: never neither.
      expect(result.rotation === null).toBe(result.noRotationReason !== null);
    }
    expect(oneOff.rotation).toBeNull();
    expect(oneOff.noRotationReason).toContain("A one-off meeting cannot take turns");
    // Weekly, three turns share the nights out.
    expect(weekly.rotation!.slots.length).toBeGreaterThanOrEqual(2);

    // A time that suits everyone needs neither.
    const fits = plan(checkIn([world.seoulId]), planning);
    expect([fits.rotation, fits.noRotationReason]).toEqual([null, null]);
  });

  it("keeps clear of the team's other meetings, except the ritual being edited", async () => {
    const taken = draftFromFields(checkIn([world.seoulId]));
    const saved = await createRitual(
      world.teamId,
      { ...taken.draft, title: "Already there", startTime: "09:15" },
      { hostIds: taken.people.hostIds, participantIds: taken.people.participantIds },
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const planning = await loadTeamPlanning(world.teamId);
    const clashes = (times: string[]) =>
      times.filter((search) => new URLSearchParams(search).get("startTime") === "09:15");
    expect(clashes(plan(checkIn([world.seoulId]), planning).suggestions.map((s) => s.search))).toEqual([]);
    const editing = planRitual(checkIn([world.seoulId]), { planning, ritualId: saved.value.id, locale: "en", t, now });
    expect(editing.suggestions.length).toBeGreaterThan(0);
  });

  it("gives field errors instead of a plan for a draft that is not valid", async () => {
    const planning = await loadTeamPlanning(world.teamId);
    const result = plan({ ...checkIn([]), timeZone: "Mars/Olympus", startTime: "25:00" }, planning);
    expect(result.errors).toMatchObject({
      timeZone: "validation.timeZoneUnknown",
      startTime: "validation.timeInvalid",
    });
    expect(result.preview).toEqual([]);
  });
});

describe("the schedule view", () => {
  const viewer = () => ({ memberId: world.leadId, timeZone: "Europe/Berlin" });
  const context = () => ({ locale: "en", t, now });

  it("shows the viewer's week by default, and another member's or a zone's when asked", async () => {
    const planning = await loadTeamPlanning(world.teamId);
    const mine = buildSchedule(planning, { memberId: null, zone: null, week: null }, viewer(), context());
    expect(mine).toMatchObject({ title: "My week", timeZone: "Europe/Berlin", weekStart: "2026-11-23", errors: {} });
    const seoul = buildSchedule(
      planning,
      { memberId: world.seoulId, zone: null, week: "2026-12-02" },
      viewer(),
      context(),
    );
    expect(seoul).toMatchObject({ title: "Seoyeon's week", timeZone: "Asia/Seoul", weekStart: "2026-11-30" });
    const zone = buildSchedule(planning, { memberId: null, zone: "Asia/Kolkata", week: null }, viewer(), context());
    expect(zone).toMatchObject({ member: null, timeZone: "Asia/Kolkata" });
    // A city, as in every other zone field.
    for (const city of ["Seoul", "Bengaluru"]) {
      const byCity = buildSchedule(planning, { memberId: null, zone: city, week: null }, viewer(), context());
      expect(byCity).toMatchObject({ member: null, timeZone: city === "Seoul" ? "Asia/Seoul" : "Asia/Kolkata" });
    }
  });

  it("falls back to the viewer for an unknown zone, member or week, and says what was wrong", async () => {
    const planning = await loadTeamPlanning(world.teamId);
    const fallback = buildSchedule(
      planning,
      { memberId: "someone-elses-member", zone: "Nowhere/City", week: "2026-02-30" },
      viewer(),
      context(),
    );
    expect(fallback).toMatchObject({
      title: "My week",
      weekStart: "2026-11-23",
      errors: { zone: "validation.timeZoneUnknown", week: "validation.dateInvalid" },
    });
  });

  it("marks each meeting that is in the shown member's night, on their day off or outside their hours", async () => {
    const saved = await createRitual(
      world.teamId,
      {
        kind: "check-in",
        title: "Weekend sync",
        timeZone: "Europe/Berlin",
        startTime: "10:00",
        startDate: "2026-12-05",
        weekdays: ["6"],
      },
      { hostIds: [world.leadId], participantIds: [world.seoulId, world.laId] },
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const planning = await loadTeamPlanning(world.teamId);
    const markFor = (memberId: string) => {
      const week = buildSchedule(planning, { memberId, zone: null, week: "2026-12-05" }, viewer(), context());
      const item = week.days.flatMap((day) => day.items).find((it) => it.title === "Weekend sync")!;
      return item.hours;
    };
    // Saturday 10:00 in Berlin is Saturday 18:00 in Seoul and 01:00 in Los Angeles.
    expect(markFor(world.seoulId)).toEqual({ kind: "day-off", minutes: 30 });
    expect(markFor(world.laId)).toEqual({ kind: "night", minutes: 30 });
    // The host's go-early and stay-late time count as theirs.
    const host = markFor(world.leadId)!;
    expect(host.kind).toBe("day-off");
    expect(host.minutes).toBeGreaterThan(30);
    const zone = buildSchedule(
      planning,
      { memberId: null, zone: "Asia/Seoul", week: "2026-12-05" },
      viewer(),
      context(),
    );
    expect(zone.days.flatMap((day) => day.items).every((item) => item.hours === null)).toBe(true);
  });
});
