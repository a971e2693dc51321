import { formatWeekdayList } from "~/domain/clock";
import { memberSchema, type MemberInput } from "~/domain/people";
import { validate, type WriteResult } from "~/domain/validation";
import { prisma, type DbOrTransaction } from "~/utils/db.server";

// The people of a team: listing, adding, editing and removing members, and their own email choice.

/** Row ids a script may fix in advance (the demo seed), so running it again finds them. */
export interface FixedId {
  id?: string;
}

/** A member listed by the team, optionally already tied to an account (the demo seed). */
export async function createMember(
  teamId: string,
  input: unknown,
  db: DbOrTransaction = prisma,
  { id, userId, role = "member" }: FixedId & { userId?: string; role?: "owner" | "member" } = {},
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(memberSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const member: MemberInput = parsed.data;
  const taken = await db.member.findUnique({ where: { teamId_email: { teamId, email: member.email } } });
  if (taken) return { ok: false, errors: { email: "validation.emailTaken" } };
  const row = await db.member.create({ data: { id, teamId, userId, role, ...personRow(member) } });
  return { ok: true, value: row };
}

/** A person's name, email and working hours as the Member and Contact tables store them. */
export function personRow<Zone>(person: {
  name: string;
  email: string;
  timeZone: Zone;
  workStart: number;
  workEnd: number;
  workDays: number[];
  holidayRegion?: string | null;
}) {
  return {
    name: person.name,
    email: person.email,
    timeZone: person.timeZone,
    workStartMinutes: person.workStart,
    workEndMinutes: person.workEnd,
    workDays: formatWeekdayList(person.workDays),
    ...(person.holidayRegion === undefined ? {} : { holidayRegion: person.holidayRegion }),
  };
}

/** Removes someone from the team; the last owner stays, so a team is never left without one. */
export async function removeMember(
  teamId: string,
  memberId: string,
  db: DbOrTransaction = prisma,
): Promise<WriteResult<{ id: string }>> {
  const member = await db.member.findFirst({ where: { id: memberId, teamId } });
  if (!member) return { ok: false, errors: { form: "validation.memberUnknown" } };
  if (member.role === "owner" && (await db.member.count({ where: { teamId, role: "owner" } })) === 1) {
    return { ok: false, errors: { form: "validation.lastOwner" } };
  }
  await db.member.delete({ where: { id: member.id } });
  return { ok: true, value: { id: member.id } };
}

/**
 * Makes a member an owner or a member again. An owner must have an account (someone has
 * to sign in as them), and the last owner stays one, so a team is never left without one.
 */
export async function setMemberRole(
  teamId: string,
  memberId: string,
  role: "owner" | "member",
  db: DbOrTransaction = prisma,
): Promise<WriteResult<{ id: string }>> {
  const member = await db.member.findFirst({ where: { id: memberId, teamId } });
  if (!member) return { ok: false, errors: { form: "validation.memberUnknown" } };
  if (role === "owner" && !member.userId) return { ok: false, errors: { form: "validation.ownerNeedsAccount" } };
  if (role === "member" && member.role === "owner") {
    if ((await db.member.count({ where: { teamId, role: "owner" } })) === 1) {
      return { ok: false, errors: { form: "validation.lastOwner" } };
    }
  }
  await db.member.update({ where: { id: member.id }, data: { role } });
  return { ok: true, value: { id: member.id } };
}

export function getMember(teamId: string, memberId: string) {
  return prisma.member.findFirst({ where: { id: memberId, teamId } });
}

export function listMembers(teamId: string, db: DbOrTransaction = prisma) {
  return db.member.findMany({ where: { teamId }, orderBy: [{ role: "desc" }, { name: "asc" }] });
}

/**
 * Changes a member's name, zone and working hours. The email address of
 * someone with an account is the one they sign in with, so it stays.
 */
export async function updateMember(
  teamId: string,
  memberId: string,
  input: Record<string, unknown>,
): Promise<WriteResult<{ id: string }>> {
  const member = await getMember(teamId, memberId);
  if (!member) return { ok: false, errors: { form: "validation.memberUnknown" } };
  const parsed = validate(memberSchema, member.userId ? { ...input, email: member.email } : input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const taken = await prisma.member.findFirst({ where: { teamId, email: parsed.data.email, id: { not: member.id } } });
  if (taken) return { ok: false, errors: { email: "validation.emailTaken" } };
  await prisma.member.update({ where: { id: member.id }, data: personRow(parsed.data) });
  return { ok: true, value: { id: member.id } };
}

/** A member's own choice: emails (invites, reminders, digests) on or off. */
export async function setMemberEmails(teamId: string, memberId: string, on: boolean): Promise<void> {
  await prisma.member.updateMany({ where: { id: memberId, teamId }, data: { emailsOff: !on } });
}
