import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { expandValidRule } from "~/domain/recurrence";
import en from "~/i18n/locales/en";
import { changeMeeting, restoreMeeting } from "~/services/meetings.server";
import { findMeeting } from "./meeting.server";
import { loadRitualRecord } from "./ritual-record.server";
import { saveNotes } from "./note.server";
import { createRitual, getRitual, listRituals, updateRitual } from "./ritual.server";
import { createTeam } from "./team.server";
import { createMember } from "./member.server";
import { createContact, createCustomer } from "./customer.server";
import { localInstant } from "~tests/support/domain-fixtures";

function message(key: string | undefined): string | undefined {
  const [section, name] = (key ?? "").split(".") as [keyof typeof en, string];
  return (en[section] as Record<string, string> | undefined)?.[name];
}

async function newTeam(name = "Platform") {
  const team = await createTeam({ name, timeZone: "Europe/Berlin" });
  if (!team.ok) throw new Error("team refused");
  const member = await createMember(team.value.id, {
    name: "Lena",
    email: `lena@${name}.example`,
    timeZone: "Europe/Berlin",
  });
  if (!member.ok) throw new Error("member refused");
  return { teamId: team.value.id, memberId: member.value.id };
}

const checkIn = {
  kind: "check-in" as const,
  title: "Team check-in",
  timeZone: "Europe/Berlin",
  startTime: "09:30",
  startDate: "2026-03-03",
};

/** A series' changes as its calendar files see them. */
const seriesChanges = async (teamId: string, ritualId: string) => (await loadRitualRecord(teamId, ritualId))!.changes;

describe("rituals through the models", () => {
  it("creates a team, a member and a ritual, and reads them back", async () => {
    const { teamId, memberId } = await newTeam("readback");
    const created = await createRitual(teamId, checkIn, { hostIds: [memberId] });
    expect(created.ok).toBe(true);

    const [ritual, ...others] = await listRituals(teamId);
    expect(others).toHaveLength(0);
    expect(ritual).toMatchObject({
      kind: "check-in",
      title: "Team check-in",
      timeZone: "Europe/Berlin",
      startMinutes: 570,
      durationMinutes: 30,
      frequency: "weekly",
      weekdays: [2, 4],
      goEarlyMinutes: 5,
      stayLateMinutes: 5,
      hosts: [{ id: memberId, name: "Lena" }],
      participantCount: 1,
    });
  });

  it("refuses an unknown time zone with a clear message and writes nothing", async () => {
    const { teamId, memberId } = await newTeam("badzone");
    const result = await createRitual(teamId, { ...checkIn, timeZone: "Europe/Atlantis" }, { hostIds: [memberId] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ timeZone: "validation.timeZoneUnknown" });
    expect(message(result.errors.timeZone)).toMatch(/not a time zone/);
    expect(await listRituals(teamId)).toHaveLength(0);
  });

  it("refuses a negative buffer with a clear message and writes nothing", async () => {
    const { teamId, memberId } = await newTeam("negbuffer");
    const result = await createRitual(teamId, { ...checkIn, goEarlyMinutes: -10 }, { hostIds: [memberId] });
    expect(result.ok ? {} : result.errors).toEqual({ goEarlyMinutes: "validation.bufferNegative" });
    expect(message("validation.bufferNegative")).toBe("A buffer cannot be negative.");
    expect(await listRituals(teamId)).toHaveLength(0);
  });

  it("refuses members and customers of another team", async () => {
    const ours = await newTeam("ours");
    const theirs = await newTeam("theirs");
    const customer = await createCustomer(theirs.teamId, { name: "Acme", timeZone: "Asia/Seoul" });
    if (!customer.ok) throw new Error("customer refused");

    const result = await createRitual(
      ours.teamId,
      { ...checkIn, kind: "tea-time", customerId: customer.value.id },
      { hostIds: [ours.memberId], participantIds: [theirs.memberId] },
    );
    expect(result.ok ? {} : result.errors).toEqual({
      customerId: "validation.customerUnknown",
      participantIds: "validation.memberUnknown",
    });
    const contact = await createContact(ours.teamId, customer.value.id, { name: "Spy", email: "spy@example.com" });
    expect(contact.ok ? {} : contact.errors).toEqual({ customerId: "validation.customerUnknown" });
  });

  it("has the database refuse out-of-range values even when validation is bypassed", async () => {
    const { teamId } = await newTeam("constraints");
    const row = {
      teamId,
      kind: "check-in",
      title: "Bypass",
      timeZone: "Europe/Berlin",
      startMinutes: 600,
      durationMinutes: 30,
      frequency: "weekly",
      startDate: "2026-03-03",
      goEarlyMinutes: 5,
      stayLateMinutes: 5,
    };
    await expect(prisma.ritual.create({ data: { ...row, goEarlyMinutes: -1 } })).rejects.toThrow(/check constraint/i);
    await expect(prisma.ritual.create({ data: { ...row, durationMinutes: 0 } })).rejects.toThrow(/check constraint/i);
    await expect(prisma.ritual.create({ data: { ...row, kind: "party" } })).rejects.toThrow(/check constraint/i);
    await expect(prisma.ritual.create({ data: { ...row, title: "   " } })).rejects.toThrow(/check constraint/i);
    expect(await prisma.ritual.count({ where: { teamId } })).toBe(0);
  });

  it("refuses a second member with the same email on one team", async () => {
    const { teamId } = await newTeam("dupes");
    const again = await createMember(teamId, {
      name: "Lena again",
      email: "LENA@dupes.example",
      timeZone: "Asia/Seoul",
    });
    expect(again.ok ? {} : again.errors).toEqual({ email: "validation.emailTaken" });
  });

  it("raises the sequence when time, length, title or place change, and not for the agenda", async () => {
    const { teamId, memberId } = await newTeam("sequence");
    const created = await createRitual(teamId, checkIn, { hostIds: [memberId] });
    if (!created.ok) throw new Error("refused");
    const id = created.value.id;
    const update = (draft: Partial<typeof checkIn> & Record<string, unknown>) =>
      updateRitual(teamId, id, { ...checkIn, ...draft }, { hostIds: [memberId] });

    await update({ agendaTemplate: "- New agenda" });
    expect((await getRitual(teamId, id))?.sequence).toBe(0);
    // Each change on top of the last: every one must reach calendar apps.
    let draft: Record<string, unknown> = {};
    const changes = [
      { startTime: "11:00" },
      { durationMinutes: 45 },
      { title: "Check-in 2" },
      { videoUrl: "https://meet.example.com/new" },
      { timeZone: "Asia/Seoul" },
    ];
    for (const [index, change] of changes.entries()) {
      draft = { ...draft, ...change };
      expect((await update(draft)).ok).toBe(true);
      expect((await getRitual(teamId, id))?.sequence).toBe(index + 1);
    }
  });

  it("refuses to update another team's ritual or to save an invalid one, changing nothing", async () => {
    const ours = await newTeam("update-ours");
    const theirs = await newTeam("update-theirs");
    const created = await createRitual(theirs.teamId, checkIn, { hostIds: [theirs.memberId] });
    if (!created.ok) throw new Error("refused");
    expect(await updateRitual(ours.teamId, created.value.id, checkIn, { hostIds: [ours.memberId] })).toEqual({
      ok: false,
      errors: { form: "validation.ritualUnknown" },
    });
    const invalid = await updateRitual(
      theirs.teamId,
      created.value.id,
      { ...checkIn, timeZone: "Nowhere/Else" },
      { hostIds: [theirs.memberId] },
    );
    expect(invalid.ok ? {} : invalid.errors).toEqual({ timeZone: "validation.timeZoneUnknown" });
    expect(await getRitual(theirs.teamId, created.value.id)).toMatchObject({ timeZone: "Europe/Berlin", sequence: 0 });
  });

  it("keeps moves, cancellations and notes with their meetings when the rule changes, and never loses notes", async () => {
    const { teamId, memberId } = await newTeam("rule-edit");
    const created = await createRitual(teamId, checkIn, { hostIds: [memberId] });
    if (!created.ok) throw new Error("refused");
    const id = created.value.id;
    // Check-ins on Tuesdays and Thursdays at 09:30 in Berlin from 3 March 2026.
    const at = (iso: string) => localInstant(iso, "Europe/Berlin");
    const tuesday = at("2026-03-10T09:30");
    const thursday = at("2026-03-12T09:30");
    const friday = at("2026-03-13T15:00");
    await changeMeeting(teamId, id, { originalStart: tuesday, status: "moved", start: friday, durationMinutes: 30 });
    await changeMeeting(teamId, id, { originalStart: thursday, status: "cancelled" });
    await saveNotes({ teamId, ritualId: id, originalStart: thursday }, { notes: "Why we cancelled" }, 0);
    const before = await getRitual(teamId, id);

    // The time changes: each change stays on its date, at the new time; the moved meeting stays where it was moved.
    const edited = await updateRitual(teamId, id, { ...checkIn, startTime: "10:00" }, { hostIds: [memberId] });
    if (!edited.ok) throw new Error("refused");
    const { exceptions } = await seriesChanges(teamId, id);
    expect(exceptions.map((e) => [e.originalStart, e.status, "start" in e ? e.start : null])).toEqual([
      [at("2026-03-10T10:00"), "moved", friday],
      [at("2026-03-12T10:00"), "cancelled", null],
    ]);
    // Calendar apps take the changes over the new series.
    for (const exception of exceptions) expect(exception.sequence).toBeGreaterThanOrEqual(edited.value.sequence);
    expect(edited.value.sequence).toBeGreaterThan(before!.sequence);
    // The notes followed their meeting: its page at the new time has them.
    const page = await findMeeting(teamId, id, at("2026-03-12T10:00"));
    expect(page?.meeting).toMatchObject({ cancelled: true, detached: false });
    const rows = await prisma.meeting.findMany({ where: { ritualId: id }, include: { notePage: true } });
    expect(rows.find((row) => row.notePage)?.originalStart.getTime()).toBe(at("2026-03-12T10:00"));
    // The old times are no meetings any more.
    expect(await findMeeting(teamId, id, thursday)).toBeNull();

    // Fortnightly from 3 March: the week of 9 March no longer meets. The bare move is dropped;
    // the page with notes leaves the series but stays readable.
    await updateRitual(teamId, id, { ...checkIn, startTime: "10:00", interval: 2 }, { hostIds: [memberId] });
    expect((await seriesChanges(teamId, id)).exceptions).toEqual([]);
    const kept = await prisma.meeting.findMany({ where: { ritualId: id }, include: { notePage: true } });
    expect(kept.map((m) => [m.status, m.notePage?.notes])).toEqual([["detached", "Why we cancelled"]]);
    const detached = await findMeeting(teamId, id, at("2026-03-12T10:00"));
    expect(detached?.meeting).toMatchObject({ detached: true, start: at("2026-03-12T10:00") });
    expect(await changeMeeting(teamId, id, { originalStart: at("2026-03-12T10:00"), status: "cancelled" })).toEqual({
      ok: false,
      errors: { form: "validation.meetingDetached" },
    });
    const meetings = expandValidRule((await getRitual(teamId, id))!, {
      from: at("2026-03-02T00:00"),
      to: at("2026-03-16T00:00"),
    });
    expect(
      meetings.map((m) => DateTime.fromMillis(m.start, { zone: "Europe/Berlin" }).toFormat("ccc dd HH:mm")),
    ).toEqual(["Tue 03 10:00", "Thu 05 10:00"]);
  });

  it("restores a cancelled meeting with a higher sequence than its cancellation", async () => {
    const { teamId, memberId } = await newTeam("restore");
    const created = await createRitual(teamId, checkIn, { hostIds: [memberId] });
    if (!created.ok) throw new Error("refused");
    const id = created.value.id;
    const tuesday = DateTime.fromISO("2026-03-10T09:30", { zone: "Europe/Berlin" }).toMillis();
    const cancelled = await changeMeeting(teamId, id, { originalStart: tuesday, status: "cancelled" });
    const restored = await restoreMeeting(teamId, id, tuesday);
    expect(cancelled.ok && restored.ok && restored.value.sequence > cancelled.value.sequence).toBe(true);
    expect((await seriesChanges(teamId, id)).exceptions).toEqual([]);
    const found = await findMeeting(teamId, id, tuesday);
    expect(found?.meeting).toMatchObject({ cancelled: false, moved: false, start: tuesday });
    expect(found?.meeting.sequence).toBe(restored.ok ? restored.value.sequence : -1);
    expect(await restoreMeeting(teamId, id, tuesday + 60_000)).toEqual({
      ok: false,
      errors: { form: "validation.meetingUnknown" },
    });
  });
});
