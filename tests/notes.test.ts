import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { MAX_NOTE_BYTES } from "~/domain/notes";
import {
  addFollowUp,
  addQuestion,
  addRisk,
  answerQuestion,
  carriedFromEarlier,
  findSharedPage,
  listOpenItems,
  loadNotePage,
  saveNotes,
  shareNotePage,
  stopSharing,
  updateFollowUp,
  updateQuestion,
  updateRisk,
  type MeetingRef,
} from "~/models/note.server";
import { createRitual } from "~/models/ritual.server";
import { createMember } from "~/models/member.server";
import { createContact, createCustomer } from "~/models/customer.server";
import { signedUpUser, teamOwnedBy } from "./support/accounts";

const world = {} as { teamId: string; otherTeamId: string; leadId: string; seoulId: string; ritualId: string };
/** Tea times on Wednesdays 16:00 in Seoul, from 2 December 2026. */
const meeting = (week: number): MeetingRef => ({
  teamId: world.teamId,
  ritualId: world.ritualId,
  originalStart: DateTime.fromISO("2026-12-02T16:00", { zone: "Asia/Seoul" })
    .plus({ weeks: 2 * week })
    .toMillis(),
});

beforeAll(async () => {
  const lead = await signedUpUser("lead@notes.example");
  const team = await teamOwnedBy(lead, "Notes");
  const other = await teamOwnedBy(await signedUpUser("lead@other-notes.example"), "Other");
  const seoul = await createMember(team.teamId, {
    name: "Seoyeon",
    email: "seoyeon@notes.example",
    timeZone: "Asia/Seoul",
  });
  const customer = await createCustomer(team.teamId, { name: "Hanbit", timeZone: "Asia/Seoul", language: "ko" });
  if (!seoul.ok || !customer.ok) throw new Error("setup");
  const contact = await createContact(team.teamId, customer.value.id, {
    name: "Minseo",
    email: "minseo@hanbit.example",
  });
  if (!contact.ok) throw new Error("setup");
  const ritual = await createRitual(
    team.teamId,
    {
      kind: "tea-time",
      title: "Tea",
      timeZone: "Asia/Seoul",
      startTime: "16:00",
      startDate: "2026-12-02",
      customerId: customer.value.id,
      agendaTemplate: "- What is hard right now?",
    },
    { hostIds: [team.memberId], contactIds: [contact.value.id] },
  );
  if (!ritual.ok) throw new Error(JSON.stringify(ritual.errors));
  Object.assign(world, {
    teamId: team.teamId,
    otherTeamId: other.teamId,
    leadId: team.memberId,
    seoulId: seoul.value.id,
    ritualId: ritual.value.id,
  });
});

describe("editing a note page together", () => {
  it("starts from the ritual's agenda template", async () => {
    const { page } = await loadNotePage(meeting(0));
    expect(page).toBeNull();
    await addRisk(meeting(0), { risk: "Peak season", shared: "on" });
    expect((await loadNotePage(meeting(0))).page?.agenda).toBe("- What is hard right now?");
  });

  it("never lets a save overwrite a newer one: the second saver gets both texts back", async () => {
    const ref = meeting(1);
    // Both opened the page before anyone saved it (version 0).
    const first = await saveNotes(ref, { agenda: "A", notes: "Ji-woo's notes", decisions: "" }, 0);
    expect(first).toEqual({ ok: true, version: 2 });
    const second = await saveNotes(ref, { agenda: "A", notes: "Lena's notes", decisions: "" }, 0);
    expect(second).toMatchObject({ ok: false, conflict: { notes: "Ji-woo's notes", version: 2 } });
    expect((await loadNotePage(ref)).page?.notes).toBe("Ji-woo's notes");
    // Having seen both, Lena saves a merge over version 2.
    const merged = await saveNotes(ref, { agenda: "A", notes: "Ji-woo's notes\n\nLena's notes", decisions: "" }, 2);
    expect(merged).toEqual({ ok: true, version: 3 });
    expect(await saveNotes(ref, { notes: "stale" }, 2)).toMatchObject({ ok: false, conflict: { version: 3 } });
  });

  it("keeps 200 KB of notes and refuses more than 256 KB without touching what was saved", async () => {
    const ref = meeting(2);
    const large = "Long meeting. ".repeat(Math.ceil(200_000 / 14));
    const saved = await saveNotes(ref, { notes: large }, 0);
    expect(saved.ok).toBe(true);
    expect((await loadNotePage(ref)).page?.notes).toBe(large);
    const tooLarge = await saveNotes(ref, { notes: "한".repeat(MAX_NOTE_BYTES / 3 + 1) }, 2);
    expect(tooLarge).toEqual({ ok: false, errors: { notes: "validation.noteTooLarge" } });
    expect((await loadNotePage(ref)).page?.notes).toBe(large);
  });
});

describe("follow-ups and questions", () => {
  it("gives an approval its owner's next working day, and anything else a week", async () => {
    // Friday 20:00 in Seoul.
    const now = DateTime.fromISO("2026-12-04T20:00", { zone: "Asia/Seoul" }).toMillis();
    await addFollowUp(meeting(3), { title: "Approve the quote", kind: "approval", ownerId: world.seoulId }, now);
    await addFollowUp(meeting(3), { title: "Send the report", ownerId: world.seoulId }, now);
    const { page } = await loadNotePage(meeting(3));
    expect(page?.followUps.map((f) => [f.title, f.dueDate])).toEqual([
      ["Approve the quote", "2026-12-07"],
      ["Send the report", "2026-12-11"],
    ]);
  });

  it("refuses an owner from another team and an item id from another team", async () => {
    const stranger = await prisma.member.findFirstOrThrow({ where: { teamId: world.otherTeamId } });
    expect(await addFollowUp(meeting(3), { title: "x", ownerId: stranger.id }, Date.now())).toEqual({
      ok: false,
      errors: { ownerId: "validation.memberUnknown" },
    });
    const ours = (await loadNotePage(meeting(3))).page!.followUps[0]!;
    const edit = { title: ours.title, status: "done", dueDate: ours.dueDate };
    expect(await updateFollowUp(world.otherTeamId, ours.id, edit, Date.now())).toEqual({
      ok: false,
      errors: { form: "validation.itemUnknown" },
    });
  });

  it("carries open items to every later meeting of the ritual until they are closed", async () => {
    const now = Date.now();
    await addFollowUp(meeting(4), { title: "Call the warehouse", ownerId: world.leadId }, now);
    await addQuestion(meeting(4), { question: "Can we ship on Sundays?", askedBy: "Minseo", ownerId: world.seoulId });
    const carried = async (week: number) => {
      const { carriedFollowUps, carriedQuestions } = await loadNotePage(meeting(week));
      return [...carriedFollowUps.map((f) => f.title), ...carriedQuestions.map((q) => q.question)];
    };
    expect(await carried(4)).not.toContain("Call the warehouse");
    expect(await carried(5)).toEqual(expect.arrayContaining(["Call the warehouse", "Can we ship on Sundays?"]));
    expect(await carried(6)).toEqual(expect.arrayContaining(["Call the warehouse", "Can we ship on Sundays?"]));

    const { page } = await loadNotePage(meeting(4));
    const [followUp] = page!.followUps;
    const done = await updateFollowUp(
      world.teamId,
      followUp!.id,
      { title: followUp!.title, ownerId: world.leadId, dueDate: followUp!.dueDate, status: "done", lastUpdate: "Done" },
      now,
    );
    expect(done.ok).toBe(true);
    await answerQuestion(world.teamId, page!.parkedQuestions[0]!.id, { answer: "Yes, from January." });
    expect(await carried(5)).not.toContain("Call the warehouse");
    expect(await carried(5)).not.toContain("Can we ship on Sundays?");
  });

  it("lists what is carried over by due date across earlier meetings, each with the meeting that raised it", async () => {
    const now = Date.now();
    await addFollowUp(meeting(12), { title: "Book the venue", dueDate: "2027-09-20" }, now);
    await addFollowUp(meeting(13), { title: "Send the samples", dueDate: "2027-09-10" }, now);
    await addFollowUp(meeting(13), { title: "Chase the invoice", dueDate: "2027-09-30" }, now);
    const { carriedFollowUps } = await loadNotePage(meeting(14));
    const carried = carriedFollowUps.filter((item) => item.dueDate.startsWith("2027-09"));
    expect(carried.map((item) => [item.title, item.notePage.meeting.originalStart.getTime()])).toEqual([
      ["Send the samples", meeting(13).originalStart],
      ["Book the venue", meeting(12).originalStart],
      ["Chase the invoice", meeting(13).originalStart],
    ]);
  });

  it("carries open risks and the customer's deadline to the next tea times, on the page and the customer's link", async () => {
    await addRisk(meeting(27), { risk: "Port strike", impact: "A week late", shared: "on" });
    await addRisk(meeting(27), { risk: "Our rota gap", impact: "" });
    await saveNotes(meeting(27), { customerDeadline: "2027-01-15" }, 0);
    const next = await loadNotePage(meeting(28));
    expect(next.carriedRisks.map((risk) => risk.risk)).toEqual(expect.arrayContaining(["Port strike", "Our rota gap"]));
    expect(next.carriedDeadline?.customerDeadline).toBe("2027-01-15");
    // Earlier pages inherit nothing from later ones.
    expect((await loadNotePage(meeting(26))).carriedRisks.map((risk) => risk.risk)).not.toContain("Port strike");

    // The customer's link shows the carried shared risk and the deadline, never the internal one.
    const firstSave = await saveNotes(meeting(28), { notes: "Second tea time" }, 0);
    const token = await shareNotePage(meeting(28));
    const shared = await carriedFromEarlier(meeting(28), { sharedOnly: true });
    expect(shared.risks.map((risk) => risk.risk)).toContain("Port strike");
    expect(shared.risks.map((risk) => risk.risk)).not.toContain("Our rota gap");
    expect((await findSharedPage(token))?.id).toBeDefined();

    // A later meeting's own deadline wins; a resolved risk stops carrying over.
    const secondSave = await saveNotes(
      meeting(28),
      { notes: "Second tea time", customerDeadline: "2027-02-01" },
      firstSave.ok ? firstSave.version : -1,
    );
    expect(secondSave.ok).toBe(true);
    const customs = next.carriedRisks.find((risk) => risk.risk === "Port strike")!;
    const resolved = await updateRisk(world.teamId, customs.id, {
      risk: "Port strike",
      shared: "on",
      resolved: "on",
    });
    expect(resolved.ok).toBe(true);
    const later = await loadNotePage(meeting(29));
    expect(later.carriedDeadline?.customerDeadline).toBe("2027-02-01");
    expect(later.carriedRisks.map((risk) => risk.risk)).toContain("Our rota gap");
    expect(later.carriedRisks.map((risk) => risk.risk)).not.toContain("Port strike");
  });

  it("edits a follow-up, a risk and a question, and gives a question to whoever can answer it", async () => {
    const ref = meeting(8);
    const now = Date.now();
    await addFollowUp(ref, { title: "Draft the plan" }, now);
    await addRisk(ref, { risk: "Late stock" });
    await addQuestion(ref, { question: "Which port?", askedBy: "Minseo" });
    const { page } = await loadNotePage(ref);
    const [followUp, risk, question] = [page!.followUps[0]!, page!.risks[0]!, page!.parkedQuestions[0]!];
    const edited = await updateFollowUp(
      world.teamId,
      followUp.id,
      {
        title: "Draft the delivery plan",
        ownerId: world.seoulId,
        priority: "1",
        dueDate: "2026-12-20",
        status: "open",
        shared: "on",
      },
      now,
    );
    expect(edited.ok).toBe(true);
    expect(await updateRisk(world.teamId, risk.id, { risk: "Late stock", impact: "Two days", shared: "on" })).toEqual({
      ok: true,
      value: { id: risk.id },
    });
    expect(
      await updateQuestion(world.teamId, question.id, {
        question: "Which port?",
        askedBy: "Minseo",
        ownerId: world.seoulId,
      }),
    ).toEqual({
      ok: true,
      value: { id: question.id },
    });
    const after = (await loadNotePage(ref)).page!;
    expect(after.followUps[0]).toMatchObject({
      title: "Draft the delivery plan",
      ownerId: world.seoulId,
      priority: 1,
      shared: true,
    });
    expect(after.risks[0]).toMatchObject({ impact: "Two days", shared: true });
    expect(after.parkedQuestions[0]!.ownerId).toBe(world.seoulId);
    // Someone else's items, or a title emptied: refused, nothing changed.
    expect(await updateRisk(world.otherTeamId, risk.id, { risk: "Hijacked" })).toEqual({
      ok: false,
      errors: { form: "validation.itemUnknown" },
    });
    expect(await updateQuestion(world.teamId, question.id, { question: "", askedBy: "x" })).toEqual({
      ok: false,
      errors: { question: "validation.questionRequired" },
    });
    expect((await loadNotePage(ref)).page!.risks[0]!.risk).toBe("Late stock");
  });

  it("lists the team's open items for the board, and no other team's", async () => {
    const { followUps, questions } = await listOpenItems(world.teamId);
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.every((f) => f.notePage.meeting.ritual.id === world.ritualId)).toBe(true);
    expect(questions.every((q) => q.status === "open")).toBe(true);
    expect((await listOpenItems(world.otherTeamId)).followUps).toEqual([]);
  });
});

describe("the customer's link", () => {
  it("shows shared items only; a new link retires the old; stopping or guessing gives nothing", async () => {
    const ref = meeting(7);
    await addRisk(ref, { risk: "Customs delay", impact: "A week late", shared: "on" });
    await addRisk(ref, { risk: "Our staffing", shared: "" });
    await addFollowUp(ref, { title: "Send the new schedule", shared: "on" }, Date.now());
    await addFollowUp(ref, { title: "Internal: check margins" }, Date.now());
    await addQuestion(ref, { question: "Which port?", askedBy: "Minseo", shared: "on" });
    await addQuestion(ref, { question: "Internal question", askedBy: "Lena" });
    const token = await shareNotePage(ref);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const shared = await findSharedPage(token);
    expect(shared?.risks.map((r) => r.risk)).toEqual(["Customs delay"]);
    expect(shared?.followUps.map((f) => f.title)).toEqual(["Send the new schedule"]);
    expect(shared?.parkedQuestions.map((q) => q.question)).toEqual(["Which port?"]);
    expect(shared?.meeting.ritual.customer?.language).toBe("ko");
    // The database keeps a hash, never the token: a copy of it opens no customer page.
    const stored = await prisma.notePage.findUniqueOrThrow({ where: { id: shared!.id } });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.shareTokenHash).toMatch(/^[0-9a-f]{64}$/);

    const newer = await shareNotePage(ref);
    expect(await findSharedPage(token)).toBeNull();
    expect(await findSharedPage(newer)).not.toBeNull();
    await stopSharing(ref);
    expect(await findSharedPage(newer)).toBeNull();
    expect(await findSharedPage("A".repeat(43))).toBeNull();
    expect(await findSharedPage("../../etc/passwd")).toBeNull();
  });

  it("takes many first writes to a new meeting page at once: each lands or gives the conflict view", async () => {
    const fresh = meeting(40);
    const now = Date.now();
    const writes = Array.from({ length: 24 }, (_, i) => {
      switch (i % 4) {
        case 0:
          return saveNotes(fresh, { notes: `Notes from writer ${i}` }, 0);
        case 1:
          return addFollowUp(fresh, { title: `Follow-up ${i}`, ownerId: world.leadId }, now);
        case 2:
          return addRisk(fresh, { risk: `Risk ${i}` });
        default:
          return addQuestion(fresh, { question: `Question ${i}?`, askedBy: "Minseo" });
      }
    });
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    const results = outcomes.map((outcome) => (outcome as PromiseFulfilledResult<{ ok: boolean }>).value);
    // Of the notes saved over version 0, one lands and the others are shown it to compare.
    const notes = results.filter((_, i) => i % 4 === 0);
    expect(notes.filter((result) => result.ok)).toHaveLength(1);
    expect(notes.filter((result) => "conflict" in result)).toHaveLength(5);
    expect(results.filter((_, i) => i % 4 !== 0).filter((result) => !result.ok)).toEqual([]);
    const { page } = await loadNotePage(fresh);
    expect(page?.followUps).toHaveLength(6);
    expect(page?.risks).toHaveLength(6);
    expect(page?.parkedQuestions).toHaveLength(6);
    expect(
      await prisma.meeting.count({ where: { ritualId: world.ritualId, originalStart: new Date(fresh.originalStart) } }),
    ).toBe(1);
  });
});
