import { formatWeekdayList, parseWeekdayList } from "~/domain/clock";
import { rotationStartsOf, validateRitual, type Ritual, type RitualDraft, type StoredRitual } from "~/domain/ritual";
import { planSeriesEdit } from "~/domain/series-edit";
import type { FieldErrors, WriteResult } from "~/domain/validation";
import { inTransaction, prisma, type DbOrTransaction } from "~/utils/db.server";
import type { Ritual as RitualRow } from "~/generated/prisma/client";
import type { FixedId } from "./member.server";
import { meetingStatus, ritualFrequency, ritualKind } from "./columns";

export interface RitualPeople {
  hostIds: string[];
  participantIds?: string[];
  contactIds?: string[];
}

export interface RitualListItem extends Ritual {
  hosts: { id: string; name: string }[];
  participantCount: number;
  customerName: string | null;
}

export function toRitual(row: RitualRow): Ritual {
  return {
    id: row.id,
    kind: ritualKind(row.kind),
    title: row.title,
    timeZone: row.timeZone,
    startMinutes: row.startMinutes,
    rotationStarts: row.rotationStarts.split(",").filter(Boolean).map(Number),
    durationMinutes: row.durationMinutes,
    frequency: ritualFrequency(row.frequency),
    interval: row.interval,
    weekdays: parseWeekdayList(row.weekdays),
    monthDay: row.monthDay,
    monthWeek: row.monthWeek,
    monthWeekday: row.monthWeekday,
    startDate: row.startDate,
    untilDate: row.untilDate,
    count: row.count,
    goEarlyMinutes: row.goEarlyMinutes,
    stayLateMinutes: row.stayLateMinutes,
    agendaTemplate: row.agendaTemplate,
    videoUrl: row.videoUrl,
  };
}

/** People and customers must belong to the ritual's own team. */
async function checkPeople(
  teamId: string,
  customerId: string | undefined,
  people: RitualPeople,
  db: DbOrTransaction,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const memberIds = [...new Set([...people.hostIds, ...(people.participantIds ?? [])])];
  if (people.hostIds.length === 0) errors.hostIds = "validation.hostsRequired";
  const members = await db.member.count({ where: { teamId, id: { in: memberIds } } });
  if (members !== memberIds.length) errors.participantIds = "validation.memberUnknown";
  if (customerId && !(await db.customer.findFirst({ where: { id: customerId, teamId } }))) {
    errors.customerId = "validation.customerUnknown";
  }
  const contactIds = [...new Set(people.contactIds ?? [])];
  if (contactIds.length > 0) {
    const contacts = await db.contact.count({
      where: { id: { in: contactIds }, customerId: customerId ?? "", customer: { teamId } },
    });
    if (contacts !== contactIds.length) errors.contactIds = "validation.contactUnknown";
  }
  return errors;
}

/** Validates a ritual and its people together, so every problem shows at once. */
export async function prepareRitual(teamId: string, draft: RitualDraft, people: RitualPeople, db: DbOrTransaction) {
  const parsed = validateRitual(draft);
  const peopleErrors = await checkPeople(teamId, parsed.success ? parsed.data.customerId : undefined, people, db);
  if (!parsed.success || Object.keys(peopleErrors).length > 0) {
    return { ok: false as const, errors: { ...peopleErrors, ...(parsed.success ? {} : parsed.errors) } };
  }
  const { startTime, rotationTimes, weekdays, customerId, ...ritual } = parsed.data;
  const hostIds = new Set(people.hostIds);
  const participantIds = new Set((people.participantIds ?? []).filter((memberId) => !hostIds.has(memberId)));
  return {
    ok: true as const,
    input: parsed.data,
    fields: {
      ...ritual,
      startMinutes: startTime,
      rotationStarts: rotationStartsOf({ startTime, rotationTimes }).join(","),
      weekdays: formatWeekdayList(weekdays),
      customerId: customerId ?? null,
    },
    attendees: [
      ...[...hostIds].map((memberId) => ({ memberId, role: "host" })),
      ...[...participantIds].map((memberId) => ({ memberId, role: "participant" })),
    ],
    contacts: [...new Set(people.contactIds ?? [])].map((contactId) => ({ contactId })),
  };
}

/** A ritual and its people as validated, ready to write. */
export type PreparedRitual = Extract<Awaited<ReturnType<typeof prepareRitual>>, { ok: true }>;

/** The ritual an editor form (its `creationToken`) made already, if it was sent before. */
export async function ritualMadeBy(teamId: string, creationToken: string | undefined, db: DbOrTransaction = prisma) {
  const row = creationToken
    ? await db.ritual.findUnique({ where: { teamId_creationToken: { teamId, creationToken } } })
    : null;
  return row && toRitual(row);
}

/** Writes a new ritual as prepared. */
export async function insertRitual(
  teamId: string,
  prepared: PreparedRitual,
  db: DbOrTransaction,
  { id, creationToken }: FixedId & { creationToken?: string } = {},
): Promise<Ritual> {
  const row = await db.ritual.create({
    data: {
      id,
      teamId,
      creationToken,
      ...prepared.fields,
      attendees: { create: prepared.attendees },
      contacts: { create: prepared.contacts },
    },
  });
  return toRitual(row);
}

/** Creates a ritual, without telling anyone (saving it from the editor mails the invites). */
export async function createRitual(
  teamId: string,
  draft: RitualDraft,
  people: RitualPeople,
  db: DbOrTransaction = prisma,
  options: FixedId = {},
): Promise<WriteResult<Ritual>> {
  const prepared = await prepareRitual(teamId, draft, people, db);
  if (!prepared.ok) return prepared;
  return { ok: true, value: await insertRitual(teamId, prepared, db, options) };
}

/** What calendar apps must hear about again: a change to any of these raises the series' SEQUENCE. */
const INVITE_FIELDS = [
  "title",
  "timeZone",
  "startMinutes",
  "rotationStarts",
  "durationMinutes",
  "frequency",
  "interval",
  "weekdays",
  "monthDay",
  "monthWeek",
  "monthWeekday",
  "startDate",
  "untilDate",
  "count",
  "videoUrl",
] as const;

/** Changes one of the team's rituals, raising its sequence when the invite's time, length, title or place change. */
export async function updateRitual(
  teamId: string,
  ritualId: string,
  draft: RitualDraft,
  people: RitualPeople,
): Promise<WriteResult<Ritual & { sequence: number }>> {
  return inTransaction(async (db) => {
    const prepared = await prepareRitual(teamId, draft, people, db);
    if (!prepared.ok) return prepared;
    return rewriteRitual(teamId, ritualId, prepared, db);
  });
}

/** Writes a saved ritual over with what was prepared, carrying its meetings to the new rule. */
export async function rewriteRitual(
  teamId: string,
  ritualId: string,
  prepared: PreparedRitual,
  db: DbOrTransaction,
): Promise<WriteResult<Ritual & { sequence: number }>> {
  const existing = await db.ritual.findFirst({ where: { id: ritualId, teamId } });
  if (!existing) return { ok: false, errors: { form: "validation.ritualUnknown" } };
  const changed = INVITE_FIELDS.some((field) => (existing[field] ?? null) !== (prepared.fields[field] ?? null));
  // Above every meeting's own sequence too: the new series invite must replace what they sent.
  const sequence = changed
    ? Math.max(existing.sequence, await highestMeetingSequence(existing.id, db)) + 1
    : existing.sequence;
  const row = await db.ritual.update({
    where: { id: existing.id },
    data: {
      ...prepared.fields,
      sequence,
      attendees: { deleteMany: {}, create: prepared.attendees },
      contacts: { deleteMany: {}, create: prepared.contacts },
    },
  });
  const ritual = toRitual(row);
  if (RULE_FIELDS.some((field) => (existing[field] ?? null) !== (prepared.fields[field] ?? null))) {
    await carryMeetingsToTheNewRule(toRitual(existing), ritual, row.sequence, db);
  }
  return { ok: true, value: { ...ritual, sequence: row.sequence } };
}

/** The highest sequence any of the ritual's meetings reached: a new version of the series goes above it. */
export async function highestMeetingSequence(ritualId: string, db: DbOrTransaction = prisma): Promise<number> {
  const meetings = await db.meeting.aggregate({ where: { ritualId }, _max: { sequence: true } });
  return meetings._max.sequence ?? 0;
}

/** What decides when a ritual meets: changing any of these re-times the whole series. */
const RULE_FIELDS = INVITE_FIELDS.filter((field) => field !== "title" && field !== "videoUrl");

/**
 * Moves, cancellations and notes are keyed to the times the old rule gave.
 * Each follows its meeting to the time the new rule gives it (a moved meeting
 * stays where it was moved to); what the new rule has no place for leaves the
 * series: notes stay readable from the ritual's page, bare changes are dropped.
 */
async function carryMeetingsToTheNewRule(before: Ritual, after: Ritual, sequence: number, db: DbOrTransaction) {
  const rows = await listStoredMeetings(after.id, db);
  const edit = planSeriesEdit(before, after, rows);
  const moving = edit.kept.filter((entry) => entry.originalStart !== entry.meeting.originalStart);
  // Out of the way first: two meetings may swap places, and (ritual, originalStart) is unique.
  for (const [index, entry] of moving.entries()) {
    await db.meeting.update({ where: { id: entry.meeting.id }, data: { originalStart: new Date(-1 - index) } });
  }
  for (const { meeting, originalStart, plannedStart } of edit.kept) {
    const moved = meeting.status === "moved";
    await db.meeting.update({
      where: { id: meeting.id },
      data: {
        originalStart: new Date(originalStart),
        start: new Date(moved ? meeting.start : plannedStart),
        durationMinutes: moved ? meeting.durationMinutes : after.durationMinutes,
        sequence: Math.max(meeting.sequence, sequence),
      },
    });
  }
  for (const meeting of edit.orphaned) {
    if (meeting.hasNotes) await db.meeting.update({ where: { id: meeting.id }, data: { status: "detached" } });
    else await db.meeting.delete({ where: { id: meeting.id } });
  }
}

/** Every meeting row a ritual keeps: changes, restored meetings (for their sequence) and meetings with notes. */
export async function listStoredMeetings(ritualId: string, db: DbOrTransaction = prisma) {
  const rows = await db.meeting.findMany({
    where: { ritualId },
    include: { notePage: { select: { id: true } } },
    orderBy: { originalStart: "asc" },
  });
  return rows.map((row) => ({
    id: row.id,
    originalStart: row.originalStart.getTime(),
    start: row.start.getTime(),
    durationMinutes: row.durationMinutes,
    sequence: row.sequence,
    status: meetingStatus(row.status),
    hasNotes: row.notePage !== null,
  }));
}

export async function listRituals(teamId: string, db: DbOrTransaction = prisma): Promise<RitualListItem[]> {
  const rows = await db.ritual.findMany({
    where: { teamId },
    orderBy: [{ kind: "asc" }, { title: "asc" }],
    include: {
      attendees: { include: { member: { select: { id: true, name: true } } } },
      customer: { select: { name: true } },
      _count: { select: { contacts: true } },
    },
  });
  return rows.map((row) => ({
    ...toRitual(row),
    hosts: row.attendees.filter((a) => a.role === "host").map((a) => a.member),
    participantCount: row.attendees.length + row._count.contacts,
    customerName: row.customer?.name ?? null,
  }));
}

/** Deletes one of the team's rituals with all its meetings; false when the team has no such ritual. */
export async function deleteRitual(teamId: string, ritualId: string, db: DbOrTransaction = prisma): Promise<boolean> {
  const { count } = await db.ritual.deleteMany({ where: { id: ritualId, teamId } });
  return count === 1;
}

/** The rituals `memberId` is on, as host or participant, by title. */
export async function ritualsWith(memberId: string, db: DbOrTransaction = prisma) {
  const places = await db.ritualAttendee.findMany({
    where: { memberId },
    select: { ritual: { select: { id: true, title: true } } },
    orderBy: { ritual: { title: "asc" } },
  });
  return places.map((place) => place.ritual);
}

/** The ids of the tea times a customer's contact is invited to. */
export async function ritualIdsWithMember(memberId: string, db: DbOrTransaction = prisma): Promise<string[]> {
  const places = await db.ritualAttendee.findMany({ where: { memberId }, select: { ritualId: true } });
  return places.map((place) => place.ritualId);
}

export async function ritualIdsWithContact(contactId: string, db: DbOrTransaction = prisma): Promise<string[]> {
  const places = await db.ritualContact.findMany({ where: { contactId }, select: { ritualId: true } });
  return places.map((place) => place.ritualId);
}

/** One of the team's rituals with what its calendar files need, or null when the team has no such ritual. */
export async function getRitual(
  teamId: string,
  ritualId: string,
  db: DbOrTransaction = prisma,
): Promise<StoredRitual | null> {
  const row = await db.ritual.findFirst({
    where: { id: ritualId, teamId },
    include: { customer: CUSTOMER_FACTS },
  });
  return row && toStoredRitual(row);
}

/** What a ritual's files and mails say of its customer. */
export const CUSTOMER_FACTS = { select: { name: true, etiquetteNote: true, language: true, timeZone: true } } as const;

export function toStoredRitual(row: RitualRow & { customer: StoredRitual["customer"] }): StoredRitual {
  return {
    ...toRitual(row),
    teamId: row.teamId,
    sequence: row.sequence,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
    customer: row.customer,
  };
}
