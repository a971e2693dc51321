import { describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl } from "~/utils/database-url";
import { prisma } from "~/utils/db.server";
import { expandValidRule } from "~/domain/recurrence";
import { getRitual, listRituals } from "~/models/ritual.server";
import { createTeam } from "~/models/team.server";
import { createMember } from "~/models/member.server";
import { createContact, createCustomer } from "~/models/customer.server";
import { changeMeeting } from "./meetings.server";
import { saveRitual, type RitualForm } from "./rituals.server";

const NOW = Date.parse("2026-03-01T08:00:00Z");

async function newTeam(name: string) {
  const team = await createTeam({ name, timeZone: "Europe/Berlin" });
  if (!team.ok) throw new Error("team refused");
  const lead = await createMember(team.value.id, {
    name: "Lena",
    email: `lena@${name}.example`,
    timeZone: "Europe/Berlin",
  });
  const mate = await createMember(team.value.id, {
    name: "Ji-woo",
    email: `jiwoo@${name}.example`,
    timeZone: "Asia/Seoul",
  });
  if (!lead.ok || !mate.ok) throw new Error("member refused");
  return { teamId: team.value.id, leadId: lead.value.id, mateId: mate.value.id };
}

const form = (team: { leadId: string; mateId: string }, changes: Partial<RitualForm["draft"]> = {}): RitualForm => ({
  draft: {
    kind: "check-in",
    title: "Team check-in",
    timeZone: "Europe/Berlin",
    startTime: "09:30",
    startDate: "2026-03-03",
    ...changes,
  },
  people: { hostIds: [team.leadId], participantIds: [team.mateId] },
  confirmed: [],
});

const mailFor = (teamId: string) => prisma.mail.findMany({ where: { teamId }, orderBy: { toAddress: "asc" } });

/** Makes every mail insert fail (a full disk, a dropped connection) until the returned function is called. */
async function refuseMail(): Promise<() => Promise<void>> {
  if (databaseProvider(databaseUrl()) === "postgresql") {
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION refuse_mail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'mail refused'; END $$ LANGUAGE plpgsql`,
    );
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_mail BEFORE INSERT ON "Mail" FOR EACH ROW EXECUTE FUNCTION refuse_mail()`,
    );
    return async () => {
      await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_mail ON "Mail"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_mail()`);
    };
  }
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER refuse_mail BEFORE INSERT ON "Mail" BEGIN SELECT RAISE(ABORT, 'mail refused'); END`,
  );
  return async () => {
    await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_mail`);
  };
}

describe("saving a ritual", () => {
  it("writes the ritual and queues its invite for everyone on it, together", async () => {
    const team = await newTeam("together");
    const saved = await saveRitual(team.teamId, undefined, form(team), NOW);
    if (saved.status !== "saved") throw new Error(saved.status);
    const mail = await mailFor(team.teamId);
    expect(mail.map((m) => [m.toAddress, m.kind, m.calendarMethod])).toEqual([
      ["jiwoo@together.example", "invite", "REQUEST"],
      ["lena@together.example", "invite", "REQUEST"],
    ]);
    // Saved again unchanged: the invite's version did not rise, nobody is mailed again.
    await saveRitual(team.teamId, saved.ritualId, form(team), NOW);
    expect(await mailFor(team.teamId)).toHaveLength(2);
    // A new time is a new version: everyone hears of it.
    await saveRitual(team.teamId, saved.ritualId, form(team, { startTime: "10:00" }), NOW);
    expect(await mailFor(team.teamId)).toHaveLength(4);
  });

  it("leaves neither the ritual nor its mail when queueing the mail fails after the write", async () => {
    const team = await newTeam("atomic");
    const allowMail = await refuseMail();
    try {
      await expect(saveRitual(team.teamId, undefined, form(team), NOW)).rejects.toThrow();
      expect(await listRituals(team.teamId)).toEqual([]);
    } finally {
      await allowMail();
    }
    const saved = await saveRitual(team.teamId, undefined, form(team), NOW);
    if (saved.status !== "saved") throw new Error(saved.status);

    // An edit that fails the same way keeps the ritual as it was, and its meetings' changes with it.
    const before = (await getRitual(team.teamId, saved.ritualId))!;
    const [first] = expandValidRule(before, { from: NOW, to: NOW + 7 * 86_400_000 });
    expect(
      (
        await changeMeeting(
          team.teamId,
          saved.ritualId,
          { originalStart: first!.originalStart, status: "cancelled" },
          NOW,
        )
      ).ok,
    ).toBe(true);
    const mailBefore = await mailFor(team.teamId);
    const allowAgain = await refuseMail();
    try {
      await expect(
        saveRitual(team.teamId, saved.ritualId, form(team, { startTime: "11:00", title: "Moved" }), NOW),
      ).rejects.toThrow();
      const restore = changeMeeting(
        team.teamId,
        saved.ritualId,
        { originalStart: first!.originalStart, status: "moved", start: first!.start + 3_600_000, durationMinutes: 30 },
        NOW,
      );
      await expect(restore).rejects.toThrow();
    } finally {
      await allowAgain();
    }
    expect(await getRitual(team.teamId, saved.ritualId)).toEqual(before);
    const meeting = await prisma.meeting.findFirstOrThrow({ where: { ritualId: saved.ritualId } });
    expect(meeting).toMatchObject({ status: "cancelled", originalStart: new Date(first!.originalStart) });
    expect(await mailFor(team.teamId)).toEqual(mailBefore);
  });

  it("creates one ritual, and mails once, for a form sent twice, one after the other or both at once", async () => {
    const team = await newTeam("twice");
    const once = { ...form(team), creationToken: "form-1" };
    const first = await saveRitual(team.teamId, undefined, once, NOW);
    const again = await saveRitual(team.teamId, undefined, once, NOW);
    expect(first.status === "saved" && again.status === "saved" && again.ritualId === first.ritualId).toBe(true);
    const atOnce = await Promise.all(
      [1, 2, 3].map(() => saveRitual(team.teamId, undefined, { ...form(team), creationToken: "form-2" }, NOW)),
    );
    expect(new Set(atOnce.map((outcome) => (outcome.status === "saved" ? outcome.ritualId : "refused"))).size).toBe(1);
    // Another form, or another team using the same token, makes its own.
    await saveRitual(team.teamId, undefined, { ...form(team), creationToken: "form-3" }, NOW);
    const other = await newTeam("twice-other");
    await saveRitual(other.teamId, undefined, { ...form(other), creationToken: "form-1" }, NOW);
    expect(await listRituals(team.teamId)).toHaveLength(3);
    expect(await listRituals(other.teamId)).toHaveLength(1);
    // Two members of the team, once per ritual.
    expect(await mailFor(team.teamId)).toHaveLength(6);
  });

  it("asks to confirm a length far from the kind's purpose and writes nothing until then", async () => {
    const team = await newTeam("confirm");
    const long = form(team, { kind: "happy-hour", durationMinutes: 180 });
    const asked = await saveRitual(team.teamId, undefined, long, NOW);
    expect(asked).toMatchObject({ status: "unconfirmed", warnings: [{ key: "length" }] });
    expect(await listRituals(team.teamId)).toEqual([]);
    expect(await mailFor(team.teamId)).toEqual([]);
    expect((await saveRitual(team.teamId, undefined, { ...long, confirmed: ["length"] }, NOW)).status).toBe("saved");
  });

  it("asks before mailing a customer about a tea time less than a day away, and mails them once confirmed", async () => {
    const team = await newTeam("soon");
    const customer = await createCustomer(team.teamId, { name: "Hanbit", timeZone: "Asia/Seoul", language: "ko" });
    if (!customer.ok) throw new Error("customer");
    const contact = await createContact(team.teamId, customer.value.id, {
      name: "Min-seo",
      email: "minseo@soon.example",
    });
    if (!contact.ok) throw new Error("contact");
    // 2 March 16:00 in Seoul is 07:00 UTC: 23 hours after NOW.
    const teaTime: RitualForm = {
      draft: {
        kind: "tea-time",
        title: "Tea time",
        timeZone: "Asia/Seoul",
        startTime: "16:00",
        startDate: "2026-03-02",
        weekdays: ["1"],
        customerId: customer.value.id,
      },
      people: { hostIds: [team.leadId], contactIds: [contact.value.id] },
      confirmed: [],
    };
    const asked = await saveRitual(team.teamId, undefined, teaTime, NOW);
    expect(asked).toMatchObject({
      status: "unconfirmed",
      warnings: [{ key: "soon", start: Date.parse("2026-03-02T07:00:00Z") }],
    });
    expect(await listRituals(team.teamId)).toEqual([]);
    expect(await mailFor(team.teamId)).toEqual([]);
    const saved = await saveRitual(team.teamId, undefined, { ...teaTime, confirmed: ["soon"] }, NOW);
    expect(saved.status).toBe("saved");
    expect((await mailFor(team.teamId)).map((mail) => mail.toAddress)).toContain("minseo@soon.example");
  });
});
