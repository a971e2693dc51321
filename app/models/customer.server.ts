import { contactSchema, customerSchema, type ContactInput, type CustomerInput } from "~/domain/people";
import { validate, type WriteResult } from "~/domain/validation";
import { prisma, type DbOrTransaction } from "~/utils/db.server";
import { personRow, type FixedId } from "./member.server";

// A team's customers and their contacts.

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
export async function deleteContact(
  teamId: string,
  customerId: string,
  contactId: string,
  db: DbOrTransaction = prisma,
): Promise<boolean> {
  const { count } = await db.contact.deleteMany({ where: { id: contactId, customerId, customer: { teamId } } });
  return count === 1;
}
