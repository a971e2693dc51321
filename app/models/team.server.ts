import { formatWeekdayList } from "~/domain/clock";
import {
  contactSchema,
  customerSchema,
  memberSchema,
  teamSchema,
  type ContactInput,
  type CustomerInput,
  type MemberInput,
  type TeamInput,
} from "~/domain/people";
import { validate, type WriteResult } from "~/domain/validation";
import { prisma, type DbOrTransaction } from "~/db.server";

/** Row ids a script may fix in advance (the demo seed), so running it again finds them. */
export interface FixedId {
  id?: string;
}

export async function createTeam(
  input: unknown,
  db: DbOrTransaction = prisma,
  { id }: FixedId = {}
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(teamSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const team: TeamInput = parsed.data;
  return { ok: true, value: await db.team.create({ data: { id, ...team } }) };
}

export function getTeam(teamId: string, db: DbOrTransaction = prisma) {
  return db.team.findUnique({ where: { id: teamId } });
}

/** The team the home page shows until people sign in: the oldest one. */
export function getFirstTeam(db: DbOrTransaction = prisma) {
  return db.team.findFirst({ orderBy: { createdAt: "asc" } });
}

export async function createMember(
  teamId: string,
  input: unknown,
  db: DbOrTransaction = prisma,
  { id }: FixedId = {}
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(memberSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const member: MemberInput = parsed.data;
  const taken = await db.member.findUnique({ where: { teamId_email: { teamId, email: member.email } } });
  if (taken) return { ok: false, errors: { email: "validation.emailTaken" } };
  const row = await db.member.create({
    data: {
      id,
      teamId,
      name: member.name,
      email: member.email,
      timeZone: member.timeZone,
      workStartMinutes: member.workStart,
      workEndMinutes: member.workEnd,
      workDays: formatWeekdayList(member.workDays),
    },
  });
  return { ok: true, value: row };
}

export async function createCustomer(
  teamId: string,
  input: unknown,
  db: DbOrTransaction = prisma,
  { id }: FixedId = {}
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
  { id }: FixedId = {}
): Promise<WriteResult<{ id: string }>> {
  const customer = await db.customer.findFirst({ where: { id: customerId, teamId } });
  if (!customer) return { ok: false, errors: { customerId: "validation.customerUnknown" } };
  const parsed = validate(contactSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const contact: ContactInput = parsed.data;
  const row = await db.contact.create({
    data: {
      id,
      customerId,
      name: contact.name,
      email: contact.email,
      timeZone: contact.timeZone ?? null,
      workStartMinutes: contact.workStart,
      workEndMinutes: contact.workEnd,
      workDays: formatWeekdayList(contact.workDays),
    },
  });
  return { ok: true, value: row };
}

export function listMembers(teamId: string, db: DbOrTransaction = prisma) {
  return db.member.findMany({ where: { teamId }, orderBy: { name: "asc" } });
}
