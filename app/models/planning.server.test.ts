import { beforeAll, describe, expect, it } from "vitest";
import { DAY } from "~/domain/durations";
import { expandValidRule } from "~/domain/recurrence";
import { changeMeeting } from "~/services/meetings.server";
import { removeContact, removeMember } from "~/services/members.server";
import { deleteRitual } from "~/services/rituals.server";
import { prisma } from "~/utils/db.server";
import { calendarWorld } from "../../tests/support/calendar-world";
import { createContact, createCustomer, updateContact, updateCustomer } from "./customer.server";
import { createMember, updateMember } from "./member.server";
import { loadTeamPlanning, type TeamPlanning } from "./planning.server";
import { createRitual, getRitual, updateRitual } from "./ritual.server";
import { saveRsvp } from "./rsvp.server";

const world = {} as Awaited<ReturnType<typeof calendarWorld>>;
beforeAll(async () => Object.assign(world, await calendarWorld()));

const week = { kind: "check-in", timeZone: "Europe/Berlin", startTime: "09:00", startDate: "2026-03-02" } as const;

/** Reads the planning before and after `change`: the read after it must be a new one that `shows` the change. */
async function expectSeen(change: () => Promise<unknown>, shows: (planning: TeamPlanning) => boolean) {
  const before = await loadTeamPlanning(world.teamId);
  expect(await loadTeamPlanning(world.teamId)).toBe(before);
  await change();
  const after = await loadTeamPlanning(world.teamId);
  expect(after).not.toBe(before);
  expect(shows(after)).toBe(true);
}

const memberNamed = (name: string) => (planning: TeamPlanning) => planning.members.some((m) => m.name === name);
const ritualTitled = (title: string) => (planning: TeamPlanning) =>
  planning.rituals.some((r) => r.ritual.title === title);

async function ok<T extends { ok: boolean }>(result: Promise<T>): Promise<T & { ok: true }> {
  const settled = await result;
  if (!settled.ok) throw new Error(JSON.stringify(settled));
  return settled as T & { ok: true };
}

describe("a team's planning, kept between requests", () => {
  it("is read once while nothing changes, and nothing may change it in place", async () => {
    const first = await loadTeamPlanning(world.teamId);
    expect(await loadTeamPlanning(world.teamId)).toBe(first);
    expect(() => (first.members as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (first.rituals[0]!.attendees as unknown[]).length = 0;
    }).toThrow(TypeError);
    // The day moving on reads it again: who said no is read from a week before today.
    expect(await loadTeamPlanning(world.teamId, Date.now() + DAY)).not.toBe(first);
  });

  it("sees every change to members, customers and their contacts at the next read", async () => {
    let kimId = "";
    await expectSeen(async () => {
      kimId = (await ok(createMember(world.teamId, { name: "Kim", email: "kim@ours.example", timeZone: "Asia/Seoul" })))
        .value.id;
    }, memberNamed("Kim"));
    await expectSeen(
      () =>
        updateMember(world.teamId, kimId, {
          name: "Kim Min-jun",
          email: "kim@ours.example",
          timeZone: "Asia/Seoul",
          workStart: "10:00",
          workEnd: "19:00",
          workDays: ["1", "2", "3", "4", "5"],
        }),
      memberNamed("Kim Min-jun"),
    );
    await expectSeen(
      () => removeMember(world.teamId, kimId),
      (planning) => !memberNamed("Kim Min-jun")(planning),
    );

    let customerId = "";
    await expectSeen(
      async () => {
        customerId = (await ok(createCustomer(world.teamId, { name: "Acme", timeZone: "America/New_York" }))).value.id;
      },
      (planning) => planning.customers.some((c) => c.name === "Acme"),
    );
    await expectSeen(
      () => updateCustomer(world.teamId, customerId, { name: "Acme", timeZone: "Europe/London" }),
      (planning) => planning.customers.some((c) => c.name === "Acme" && c.timeZone === "Europe/London"),
    );
    let contactId = "";
    await expectSeen(
      async () => {
        contactId = (await ok(createContact(world.teamId, customerId, { name: "Ana", email: "ana@acme.example" })))
          .value.id;
      },
      (planning) => planning.customers.some((c) => c.contacts.some((p) => p.name === "Ana")),
    );
    await expectSeen(
      () =>
        updateContact(world.teamId, customerId, contactId, {
          name: "Ana",
          email: "ana@acme.example",
          timeZone: "Asia/Tokyo",
        }),
      (planning) => planning.customers.some((c) => c.contacts.some((p) => p.timeZone === "Asia/Tokyo")),
    );
    await expectSeen(
      () => removeContact(world.teamId, customerId, contactId),
      (planning) => planning.customers.every((c) => c.contacts.every((p) => p.name !== "Ana")),
    );
  });

  it("sees every change to rituals, who is on them, their meetings and the answers to them", async () => {
    const sam = await ok(
      createMember(world.teamId, { name: "Sam", email: "sam@ours.example", timeZone: "Europe/Berlin" }),
    );
    let ritualId = "";
    await expectSeen(async () => {
      ritualId = (await ok(createRitual(world.teamId, { ...week, title: "Standup" }, { hostIds: [world.memberId] })))
        .value.id;
    }, ritualTitled("Standup"));
    const onIt = (memberId: string) => (planning: TeamPlanning) =>
      planning.rituals.some((r) => r.id === ritualId && r.attendees.some((a) => a.personId === memberId));
    await expectSeen(
      () =>
        updateRitual(
          world.teamId,
          ritualId,
          { ...week, title: "Standup" },
          { hostIds: [world.memberId], participantIds: [sam.value.id] },
        ),
      onIt(sam.value.id),
    );
    await expectSeen(
      () => updateRitual(world.teamId, ritualId, { ...week, title: "Daily standup" }, { hostIds: [world.memberId] }),
      (planning) => ritualTitled("Daily standup")(planning) && !onIt(sam.value.id)(planning),
    );

    const ritual = (await getRitual(world.teamId, ritualId))!;
    const [meeting] = expandValidRule(ritual, { from: Date.now(), to: Date.now() + 14 * DAY });
    await expectSeen(
      () => changeMeeting(world.teamId, ritualId, { originalStart: meeting!.originalStart, status: "cancelled" }),
      (planning) => planning.rituals.some((r) => r.exceptions.some((e) => e.originalStart === meeting!.originalStart)),
    );
    await expectSeen(
      () => saveRsvp({ ritualId, ...meeting! }, { id: world.memberId, kind: "member" }, "no"),
      (planning) => planning.rituals.some((r) => (r.declined ?? []).some((no) => no.personId === world.memberId)),
    );
    await expectSeen(
      () => deleteRitual(world.teamId, ritualId),
      (planning) => !ritualTitled("Daily standup")(planning),
    );
  });

  it("sees a write no code of this process made (another instance's), and leaves other teams' alone", async () => {
    const theirs = await prisma.team.findFirstOrThrow({ where: { name: "theirs" } });
    const theirPlanning = await loadTeamPlanning(theirs.id);
    const me = await prisma.member.findUniqueOrThrow({ where: { id: world.memberId } });
    await expectSeen(
      () => prisma.$executeRaw`UPDATE "Member" SET "name" = 'Renamed elsewhere' WHERE "id" = ${world.memberId}`,
      memberNamed("Renamed elsewhere"),
    );
    await expectSeen(
      () => prisma.ritualAttendee.deleteMany({ where: { ritualId: world.ritualId } }),
      (planning) => planning.rituals.some((r) => r.id === world.ritualId && r.attendees.length === 0),
    );
    expect(await loadTeamPlanning(theirs.id)).toBe(theirPlanning);
    await prisma.member.update({ where: { id: me.id }, data: { name: me.name } });
  });

  it("gives members their region's public holidays, and contacts their customer's", async () => {
    const kim = await ok(
      createMember(world.teamId, {
        name: "Holiday Kim",
        email: "hkim@ours.example",
        timeZone: "Asia/Seoul",
        holidayRegion: "kr",
      }),
    );
    const customer = await ok(
      createCustomer(world.teamId, { name: "Seoul Co", timeZone: "Asia/Seoul", holidayRegion: "KR" }),
    );
    await ok(createContact(world.teamId, customer.value.id, { name: "Ji-ho", email: "jiho@seoul.example" }));
    const planning = await loadTeamPlanning(world.teamId);
    const member = planning.members.find((m) => m.id === kim.value.id)!;
    const contact = planning.customers.find((c) => c.id === customer.value.id)!.contacts[0]!;
    for (const seollal of ["2026-02-16", "2026-02-17", "2026-02-18"]) {
      expect(member.holidays!.has(seollal)).toBe(true);
      expect(contact.holidays!.has(seollal)).toBe(true);
    }
    expect(planning.members.find((m) => m.id === world.memberId)!.holidays!.size).toBe(0);
    expect(
      await createMember(world.teamId, {
        name: "X",
        email: "x@ours.example",
        timeZone: "UTC",
        holidayRegion: "Atlantis",
      }),
    ).toEqual({
      ok: false,
      errors: { holidayRegion: "validation.holidayRegionUnknown" },
    });
  });
});
