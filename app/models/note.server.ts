import { parseWeekdayList } from "~/domain/clock";
import { loadTeamPlanning } from "./planning.server";
import { defaultDueDate } from "~/domain/follow-ups";
import {
  answerSchema,
  followUpSchema,
  followUpUpdateSchema,
  questionSchema,
  riskSchema,
  validateNotes,
  type NotesInput,
} from "~/domain/notes";
import { validate, type FieldErrors, type WriteResult } from "~/domain/validation";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { hashSecretToken, shareLinkToken } from "./secret-token.server";

/** A meeting of one of the team's rituals: where its note page hangs. */
export interface MeetingRef {
  teamId: string;
  ritualId: string;
  originalStart: number;
}

const ownerSelect = { select: { id: true, name: true, timeZone: true } } as const;
const pageItems = {
  followUps: { include: { owner: ownerSelect }, orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }] },
  risks: { orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }] },
  parkedQuestions: {
    include: { owner: ownerSelect },
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
  },
};

/** A meeting's note page with its items, or null before anyone wrote on it. */
export function pageOf(ref: MeetingRef) {
  return prisma.notePage.findFirst({
    where: {
      meeting: { ritualId: ref.ritualId, originalStart: new Date(ref.originalStart), ritual: { teamId: ref.teamId } },
    },
    include: pageItems,
  });
}

/** Ids and ISO dates, compared as text: their order is the same in every collation. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Oldest first, then by id, as each list on a page is kept. */
const byCreation = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
  a.createdAt.getTime() - b.createdAt.getTime() || compareText(a.id, b.id);

/**
 * What a meeting inherits from the ritual's earlier meetings, in one read:
 * follow-ups and questions still open, risks not yet resolved, and the
 * customer's deadline as last recorded (the meeting's own, once set, wins);
 * with `sharedOnly`, only the items shared with the customer. Each item says
 * which meeting raised it.
 */
export async function carriedFromEarlier(ref: MeetingRef, { sharedOnly = false } = {}) {
  const shared = sharedOnly ? { shared: true } : {};
  const pages = await prisma.notePage.findMany({
    where: {
      meeting: {
        ritualId: ref.ritualId,
        originalStart: { lt: new Date(ref.originalStart) },
        ritual: { teamId: ref.teamId },
      },
    },
    // Latest first: the first deadline found is the one last recorded.
    orderBy: { meeting: { originalStart: "desc" } },
    select: {
      customerDeadline: true,
      meeting: { select: { originalStart: true } },
      followUps: { where: { status: "open", ...shared }, include: { owner: ownerSelect } },
      parkedQuestions: { where: { status: "open", ...shared }, include: { owner: ownerSelect } },
      risks: { where: { resolved: false, ...shared } },
    },
  });
  const raisedOn = <T>(pick: (page: (typeof pages)[number]) => T[]) =>
    pages.flatMap((page) => pick(page).map((item) => ({ ...item, notePage: { meeting: page.meeting } })));
  const lastDeadline = pages.find((page) => page.customerDeadline !== null);
  return {
    followUps: raisedOn((page) => page.followUps).sort(
      (a, b) => compareText(a.dueDate, b.dueDate) || compareText(a.id, b.id),
    ),
    questions: raisedOn((page) => page.parkedQuestions).sort(byCreation),
    risks: raisedOn((page) => page.risks).sort(byCreation),
    deadline: lastDeadline ? { customerDeadline: lastDeadline.customerDeadline, meeting: lastDeadline.meeting } : null,
  };
}

/** A meeting's note page with its items, and the open items carried over from earlier meetings. */
export async function loadNotePage(ref: MeetingRef) {
  const [page, carried] = await Promise.all([pageOf(ref), carriedFromEarlier(ref)]);
  return {
    page,
    /** The page's customer link, when it is shared. */
    shareToken: page && shareTokenOf(page),
    carriedFollowUps: carried.followUps,
    carriedQuestions: carried.questions,
    carriedRisks: carried.risks,
    carriedDeadline: carried.deadline,
  };
}

export type LoadedNotePage = Awaited<ReturnType<typeof loadNotePage>>;

/**
 * The meeting's note page, made on first use: a meeting row (if the meeting
 * follows the rule it has none yet) and a page whose agenda starts from the template.
 */
async function ensurePage(ref: MeetingRef): Promise<string> {
  // Requests writing a new page at once race to make its rows. On PostgreSQL an
  // upsert is a read, then an insert that the loser's unique key refuses; the
  // loser then finds what the winner made.
  for (let attempt = 1; ; attempt++) {
    const existing = await pageOf(ref);
    if (existing) return existing.id;
    try {
      return await createPage(ref);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt === 3) throw error;
    }
  }
}

async function createPage(ref: MeetingRef): Promise<string> {
  const ritual = await prisma.ritual.findFirstOrThrow({ where: { id: ref.ritualId, teamId: ref.teamId } });
  const originalStart = new Date(ref.originalStart);
  const meeting = await prisma.meeting.upsert({
    where: { ritualId_originalStart: { ritualId: ritual.id, originalStart } },
    create: { ritualId: ritual.id, originalStart, start: originalStart, durationMinutes: ritual.durationMinutes },
    update: {},
  });
  const page = await prisma.notePage.upsert({
    where: { meetingId: meeting.id },
    create: { meetingId: meeting.id, agenda: ritual.agendaTemplate },
    update: {},
  });
  return page.id;
}

/** The largest version a page's 32-bit counter can hold. */
const MAX_VERSION = 2_147_483_647;

export type SaveNotesResult =
  | { ok: true; version: number }
  | { ok: false; errors: FieldErrors }
  /** Someone saved first: their text, who they are and when they saved, and the version to save over it. */
  | { ok: false; conflict: NotesInput & { version: number; savedBy: string; savedAt: number } };

/**
 * Saves the page's text if nobody saved since `version` was read (0: the page
 * did not exist yet). Otherwise nothing is written and the newer save comes
 * back, so the person can compare and choose.
 */
export async function saveNotes(
  ref: MeetingRef,
  input: unknown,
  version: number,
  savedBy = "",
): Promise<SaveNotesResult> {
  const parsed = validateNotes(input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  // The version comes back from the form: anything but the page's own kind of number is a form gone stale or forged.
  if (!Number.isSafeInteger(version) || version < 0 || version > MAX_VERSION) {
    return { ok: false, errors: { form: "validation.staleForm" } };
  }
  const data = { ...parsed.data, customerDeadline: parsed.data.customerDeadline ?? null };
  const pageId = await ensurePage(ref);
  // Version 1 is a page nobody has saved text on yet (made for an item, or just now): what a "version 0" form saw.
  const { count } = await prisma.notePage.updateMany({
    where: { id: pageId, version: Math.max(version, 1) },
    data: { ...data, savedByName: savedBy, version: { increment: 1 } },
  });
  const page = (await prisma.notePage.findUnique({ where: { id: pageId } }))!;
  if (count === 1) return { ok: true, version: page.version };
  return {
    ok: false,
    conflict: {
      agenda: page.agenda,
      notes: page.notes,
      decisions: page.decisions,
      customerDeadline: page.customerDeadline ?? undefined,
      version: page.version,
      savedBy: page.savedByName,
      savedAt: page.updatedAt.getTime(),
    },
  };
}

/** The team's member, with the clock their due dates are read on; null when the id is not the team's. */
async function teamMember(teamId: string, memberId: string | null) {
  if (!memberId) return null;
  return prisma.member.findFirst({ where: { id: memberId, teamId } });
}

export async function addFollowUp(ref: MeetingRef, input: unknown, now: number): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(followUpSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const owner = await teamMember(ref.teamId, parsed.data.ownerId);
  if (parsed.data.ownerId && !owner) return { ok: false, errors: { ownerId: "validation.memberUnknown" } };
  const clock = owner
    ? {
        timeZone: owner.timeZone,
        workDays: parseWeekdayList(owner.workDays),
        // Public holidays, the team's days off and their time away.
        holidays: (await loadTeamPlanning(ref.teamId, now)).members.find((member) => member.id === owner.id)?.holidays,
      }
    : { timeZone: (await prisma.team.findUniqueOrThrow({ where: { id: ref.teamId } })).timeZone, workDays: [] };
  const notePageId = await ensurePage(ref);
  const row = await prisma.followUp.create({
    data: {
      notePageId,
      title: parsed.data.title,
      kind: parsed.data.kind,
      ownerId: owner?.id ?? null,
      dueDate: parsed.data.dueDate ?? defaultDueDate(parsed.data.kind, clock, now),
      priority: parsed.data.priority,
      shared: parsed.data.shared,
      lastUpdatedAt: new Date(now),
    },
  });
  return { ok: true, value: { id: row.id } };
}

const inTeam = (teamId: string) => ({ notePage: { meeting: { ritual: { teamId } } } });

/** A new status, update or due date for one of the team's follow-ups; it counts as news, so the silence ends. */
export async function updateFollowUp(
  teamId: string,
  followUpId: string,
  input: unknown,
  now: number,
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(followUpUpdateSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  if (parsed.data.ownerId && !(await teamMember(teamId, parsed.data.ownerId))) {
    return { ok: false, errors: { ownerId: "validation.memberUnknown" } };
  }
  const { count } = await prisma.followUp.updateMany({
    where: { id: followUpId, ...inTeam(teamId) },
    data: { ...parsed.data, lastUpdatedAt: new Date(now) },
  });
  return found(count, followUpId);
}

/** A write to one of the team's items: done, or "not one of yours". */
function found(count: number, id: string): WriteResult<{ id: string }> {
  return count === 1 ? { ok: true, value: { id } } : { ok: false, errors: { form: "validation.itemUnknown" } };
}

export async function updateRisk(teamId: string, riskId: string, input: unknown): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(riskSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const { count } = await prisma.risk.updateMany({ where: { id: riskId, ...inTeam(teamId) }, data: parsed.data });
  return found(count, riskId);
}

/** A parked question's wording, who asked, who can answer it, and whether the customer sees it. */
export async function updateQuestion(
  teamId: string,
  questionId: string,
  input: unknown,
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(questionSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  if (parsed.data.ownerId && !(await teamMember(teamId, parsed.data.ownerId))) {
    return { ok: false, errors: { ownerId: "validation.memberUnknown" } };
  }
  const { count } = await prisma.parkedQuestion.updateMany({
    where: { id: questionId, ...inTeam(teamId) },
    data: parsed.data,
  });
  return found(count, questionId);
}

export async function addRisk(ref: MeetingRef, input: unknown): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(riskSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const row = await prisma.risk.create({ data: { notePageId: await ensurePage(ref), ...parsed.data } });
  return { ok: true, value: { id: row.id } };
}

export async function addQuestion(ref: MeetingRef, input: unknown): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(questionSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  if (parsed.data.ownerId && !(await teamMember(ref.teamId, parsed.data.ownerId))) {
    return { ok: false, errors: { ownerId: "validation.memberUnknown" } };
  }
  const row = await prisma.parkedQuestion.create({ data: { notePageId: await ensurePage(ref), ...parsed.data } });
  return { ok: true, value: { id: row.id } };
}

export async function answerQuestion(
  teamId: string,
  questionId: string,
  input: unknown,
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(answerSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const { count } = await prisma.parkedQuestion.updateMany({
    where: { id: questionId, ...inTeam(teamId) },
    data: { answer: parsed.data.answer, status: "answered" },
  });
  return found(count, questionId);
}

/** Removes one of the team's follow-ups, risks or questions; false when the team has no such item. */
export async function deleteItem(teamId: string, kind: "followUp" | "risk" | "question", id: string): Promise<boolean> {
  const where = { id, ...inTeam(teamId) };
  const { count } =
    kind === "followUp"
      ? await prisma.followUp.deleteMany({ where })
      : kind === "risk"
        ? await prisma.risk.deleteMany({ where })
        : await prisma.parkedQuestion.deleteMany({ where });
  return count === 1;
}

/** A new read-only customer address for the page (an older one stops working). */
export async function shareNotePage(ref: MeetingRef): Promise<string> {
  const id = await ensurePage(ref);
  const { shareGeneration } = await prisma.notePage.update({
    where: { id },
    data: { shareGeneration: { increment: 1 } },
  });
  const token = shareLinkToken(id, shareGeneration);
  await prisma.notePage.update({ where: { id }, data: { shareTokenHash: hashSecretToken(token) } });
  return token;
}

/** The customer link's token of a shared page (null when it is not shared). */
export function shareTokenOf(page: { id: string; shareTokenHash: string | null; shareGeneration: number }) {
  return page.shareTokenHash ? shareLinkToken(page.id, page.shareGeneration) : null;
}

export async function stopSharing(ref: MeetingRef): Promise<void> {
  const page = await pageOf(ref);
  if (page) await prisma.notePage.update({ where: { id: page.id }, data: { shareTokenHash: null } });
}

/** What the customer's address shows: shared items only, with the meeting and the customer's language. */
export async function findSharedPage(token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const page = await prisma.notePage.findUnique({
    where: { shareTokenHash: hashSecretToken(token) },
    include: {
      meeting: { include: { ritual: { include: { customer: true } } } },
      followUps: { where: { shared: true }, include: { owner: ownerSelect }, orderBy: { createdAt: "asc" } },
      risks: { where: { shared: true }, orderBy: { createdAt: "asc" } },
      parkedQuestions: { where: { shared: true }, include: { owner: ownerSelect }, orderBy: { createdAt: "asc" } },
    },
  });
  return page;
}

/** Every open follow-up and unanswered question of the team, with where it was raised and who owns it. */
export async function listOpenItems(teamId: string) {
  const where = { status: "open", ...inTeam(teamId) };
  const context = {
    owner: ownerSelect,
    notePage: {
      select: { meeting: { select: { originalStart: true, ritual: { select: { id: true, title: true } } } } },
    },
  };
  const [followUps, questions] = await Promise.all([
    prisma.followUp.findMany({ where, include: context }),
    prisma.parkedQuestion.findMany({ where, include: context }),
  ]);
  return { followUps, questions };
}

/** The language of the customer a shared page is for; null for an address that shares nothing. */
export async function sharedPageLanguage(token: string): Promise<string | null> {
  const page = await prisma.notePage.findUnique({
    where: { shareTokenHash: hashSecretToken(token) },
    select: { meeting: { select: { ritual: { select: { customer: { select: { language: true } } } } } } },
  });
  return page?.meeting.ritual.customer?.language ?? null;
}
