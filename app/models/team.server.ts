import { formatWeekdayList } from "~/domain/clock";
import {
  contactSchema,
  customerSchema,
  memberSchema,
  newTeamSchema,
  teamSchema,
  type ContactInput,
  type CustomerInput,
  type MemberInput,
  type MemberProfile,
  type TeamInput,
} from "~/domain/people";
import type { SessionUser } from "./user.server";
import { validate, type WriteResult } from "~/domain/validation";
import { prisma, type DbOrTransaction } from "~/utils/db.server";

/** Row ids a script may fix in advance (the demo seed), so running it again finds them. */
export interface FixedId {
  id?: string;
}

export async function createTeam(
  input: unknown,
  db: DbOrTransaction = prisma,
  { id }: FixedId = {},
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(teamSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const team: TeamInput = parsed.data;
  return { ok: true, value: await db.team.create({ data: { id, ...team } }) };
}

export function getTeam(teamId: string, db: DbOrTransaction = prisma) {
  return db.team.findUnique({ where: { id: teamId } });
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
function personRow<Zone>(person: {
  name: string;
  email: string;
  timeZone: Zone;
  workStart: number;
  workEnd: number;
  workDays: number[];
}) {
  return {
    name: person.name,
    email: person.email,
    timeZone: person.timeZone,
    workStartMinutes: person.workStart,
    workEndMinutes: person.workEnd,
    workDays: formatWeekdayList(person.workDays),
  };
}

export interface Membership {
  user: SessionUser;
  team: { id: string; name: string; timeZone: string };
  member: { id: string; name: string; role: string; timeZone: string };
}

/** The user's place in a team, or null when they are not in it. */
export async function getMembership(userId: string, teamId: string): Promise<Membership | null> {
  const member = await prisma.member.findUnique({
    where: { teamId_userId: { teamId, userId } },
    include: { team: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!member?.user) return null;
  return {
    user: member.user,
    team: { id: member.team.id, name: member.team.name, timeZone: member.team.timeZone },
    member: { id: member.id, name: member.name, role: member.role, timeZone: member.timeZone },
  };
}

export function listTeamsForUser(userId: string) {
  return prisma.team.findMany({
    where: { members: { some: { userId } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
}

/** A new team with the user as its owner. */
export async function createTeamWithOwner(
  user: SessionUser,
  input: unknown,
  db: DbOrTransaction = prisma,
  { id }: FixedId = {},
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(newTeamSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const { teamName, teamTimeZone, ...profile } = parsed.data;
  const team = await db.team.create({
    data: {
      id,
      name: teamName,
      timeZone: teamTimeZone,
      members: { create: { ...personRow({ ...profile, email: user.email }), userId: user.id, role: "owner" } },
    },
  });
  return { ok: true, value: team };
}

/** Adds a signed-up user to a team as a member with their own profile. */
export async function addUserAsMember(
  teamId: string,
  user: SessionUser,
  profile: MemberProfile,
  db: DbOrTransaction = prisma,
): Promise<WriteResult<{ id: string }>> {
  const existing = await db.member.findFirst({
    where: { teamId, OR: [{ userId: user.id }, { email: user.email }] },
  });
  if (existing?.userId === user.id) return { ok: false, errors: { form: "validation.alreadyMember" } };
  // Someone the team already listed by email (without an account) becomes this user.
  const data = { ...personRow({ ...profile, email: user.email }), userId: user.id, role: existing?.role ?? "member" };
  const member = existing
    ? await db.member.update({ where: { id: existing.id }, data })
    : await db.member.create({ data: { teamId, ...data } });
  return { ok: true, value: member };
}

/** Members someone has claimed to be, with who claimed them: for an owner to confirm or refuse. */
export async function listMemberClaims(teamId: string) {
  const claimed = await prisma.member.findMany({ where: { teamId, claimedByUserId: { not: null } } });
  const users = await prisma.user.findMany({
    where: { id: { in: claimed.map((member) => member.claimedByUserId!) } },
    select: { id: true, name: true, email: true },
  });
  return claimed.map((member) => ({
    memberId: member.id,
    memberName: member.name,
    user: users.find((user) => user.id === member.claimedByUserId) ?? null,
  }));
}

/** An owner's answer to a claim: "it is them" links the account to the member; otherwise the claim is dropped. */
export async function settleMemberClaim(teamId: string, memberId: string, confirm: boolean): Promise<boolean> {
  const member = await prisma.member.findFirst({ where: { id: memberId, teamId, claimedByUserId: { not: null } } });
  if (!member) return false;
  const userId = member.claimedByUserId!;
  if (confirm && (await prisma.member.findFirst({ where: { teamId, userId } }))) return false;
  await prisma.member.update({
    where: { id: member.id },
    data: confirm ? { userId, claimedByUserId: null } : { claimedByUserId: null },
  });
  return true;
}

/** Removes someone from the team; the last owner stays, so a team is never left without one. */
export async function removeMember(teamId: string, memberId: string): Promise<WriteResult<{ id: string }>> {
  const member = await prisma.member.findFirst({ where: { id: memberId, teamId } });
  if (!member) return { ok: false, errors: { form: "validation.memberUnknown" } };
  if (member.role === "owner" && (await prisma.member.count({ where: { teamId, role: "owner" } })) === 1) {
    return { ok: false, errors: { form: "validation.lastOwner" } };
  }
  await prisma.member.delete({ where: { id: member.id } });
  return { ok: true, value: { id: member.id } };
}

export function getMember(teamId: string, memberId: string) {
  return prisma.member.findFirst({ where: { id: memberId, teamId } });
}

export async function createCustomer(
  teamId: string,
  input: unknown,
  db: DbOrTransaction = prisma,
  { id }: FixedId = {},
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(customerSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const customer: CustomerInput = parsed.data;
  return { ok: true, value: await db.customer.create({ data: { id, teamId, ...customer } }) };
}

/** Adds a contact to one of the team's customers; another team's customer is "not found". */
export async function createContact(
  teamId: string,
  customerId: string,
  input: unknown,
  db: DbOrTransaction = prisma,
  { id }: FixedId = {},
): Promise<WriteResult<{ id: string }>> {
  const customer = await db.customer.findFirst({ where: { id: customerId, teamId } });
  if (!customer) return { ok: false, errors: { customerId: "validation.customerUnknown" } };
  const parsed = validate(contactSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const contact: ContactInput = parsed.data;
  const taken = await db.contact.findUnique({ where: { customerId_email: { customerId, email: contact.email } } });
  if (taken) return { ok: false, errors: { email: "validation.contactEmailTaken" } };
  const row = await db.contact.create({
    data: { id, customerId, ...personRow({ ...contact, timeZone: contact.timeZone ?? null }) },
  });
  return { ok: true, value: row };
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

export function getCustomer(teamId: string, customerId: string) {
  return prisma.customer.findFirst({
    where: { id: customerId, teamId },
    include: { rituals: { select: { id: true } } },
  });
}

export async function updateCustomer(
  teamId: string,
  customerId: string,
  input: unknown,
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(customerSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const { count } = await prisma.customer.updateMany({ where: { id: customerId, teamId }, data: parsed.data });
  return count === 1
    ? { ok: true, value: { id: customerId } }
    : { ok: false, errors: { form: "validation.customerUnknown" } };
}

/** Removes a customer and their contacts; refused while a ritual still meets with them. */
export async function deleteCustomer(teamId: string, customerId: string): Promise<WriteResult<{ id: string }>> {
  const customer = await getCustomer(teamId, customerId);
  if (!customer) return { ok: false, errors: { form: "validation.customerUnknown" } };
  if (customer.rituals.length > 0) return { ok: false, errors: { form: "validation.customerInUse" } };
  await prisma.customer.delete({ where: { id: customer.id } });
  return { ok: true, value: { id: customer.id } };
}

export function getContact(teamId: string, customerId: string, contactId: string) {
  return prisma.contact.findFirst({ where: { id: contactId, customerId, customer: { teamId } } });
}

export async function updateContact(
  teamId: string,
  customerId: string,
  contactId: string,
  input: unknown,
): Promise<WriteResult<{ id: string }>> {
  const contact = await getContact(teamId, customerId, contactId);
  if (!contact) return { ok: false, errors: { form: "validation.contactUnknown" } };
  const parsed = validate(contactSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const taken = await prisma.contact.findFirst({
    where: { customerId, email: parsed.data.email, id: { not: contact.id } },
  });
  if (taken) return { ok: false, errors: { email: "validation.contactEmailTaken" } };
  await prisma.contact.update({
    where: { id: contact.id },
    data: personRow({ ...parsed.data, timeZone: parsed.data.timeZone ?? null }),
  });
  return { ok: true, value: { id: contact.id } };
}

/** Removes a contact; they leave every tea time they were invited to. */
export async function deleteContact(teamId: string, customerId: string, contactId: string): Promise<boolean> {
  const { count } = await prisma.contact.deleteMany({ where: { id: contactId, customerId, customer: { teamId } } });
  return count === 1;
}
