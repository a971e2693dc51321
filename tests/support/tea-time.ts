import { createRitual } from "~/models/ritual.server";
import type { RitualForm } from "~/services/rituals.server";
import { prisma } from "~/utils/db.server";
import { createMember } from "~/models/member.server";
import { createContact, createCustomer } from "~/models/customer.server";
import { signedUpUser, teamOwnedBy } from "./accounts";

/**
 * A team whose owner (in Berlin) hosts a weekly tea time in Seoul with a Korean-speaking
 * customer's contact, Min-seo, and two members: Ji-woo in Seoul and Sam in Los Angeles.
 */
export async function teamWithTeaTime(domain: string, startDate: string) {
  const owner = await signedUpUser(`lead@${domain}`);
  const { teamId, memberId } = await teamOwnedBy(owner, domain);
  const jiwoo = await createMember(teamId, { name: "Ji-woo", email: `jiwoo@${domain}`, timeZone: "Asia/Seoul" });
  const sam = await createMember(teamId, { name: "Sam", email: `sam@${domain}`, timeZone: "America/Los_Angeles" });
  if (!jiwoo.ok || !sam.ok) throw new Error("setup");
  const { teaTimeId } = await hanbitTeaTime(teamId, memberId, startDate, [jiwoo.value.id, sam.value.id]);
  return { teamId, ownerId: memberId, jiwooId: jiwoo.value.id, samId: sam.value.id, teaTimeId };
}

/**
 * The customer Hanbit (Seoul, Korean) with its contact Min-seo, and a weekly
 * tea time with them at 16:00 Seoul time, hosted by `hostId`.
 */
export async function hanbitTeaTime(teamId: string, hostId: string, startDate: string, participantIds: string[] = []) {
  const customer = await createCustomer(teamId, { name: "Hanbit", timeZone: "Asia/Seoul", language: "ko" });
  if (!customer.ok) throw new Error("customer");
  const contact = await createContact(teamId, customer.value.id, { name: "Min-seo", email: "minseo@hanbit.example" });
  if (!contact.ok) throw new Error("contact");
  const teaTime = await createRitual(
    teamId,
    {
      kind: "tea-time",
      title: "Tea time",
      timeZone: "Asia/Seoul",
      startTime: "16:00",
      startDate,
      customerId: customer.value.id,
    },
    { hostIds: [hostId], participantIds, contactIds: [contact.value.id] },
  );
  if (!teaTime.ok) throw new Error("tea time");
  return { customerId: customer.value.id, contactId: contact.value.id, teaTimeId: teaTime.value.id };
}

/**
 * The editor's form for a team's Hanbit tea time as saved (16:00 in Seoul from
 * `startDate`), with `changes` on top and these members on it beside its host.
 */
export async function teaTimeForm(
  ritualId: string,
  { hostId, participantIds, startDate }: { hostId: string; participantIds: string[]; startDate: string },
  changes: Partial<RitualForm["draft"]> = {},
): Promise<RitualForm> {
  const { customerId } = await prisma.ritual.findUniqueOrThrow({ where: { id: ritualId } });
  const contacts = await prisma.ritualContact.findMany({ where: { ritualId } });
  return {
    draft: {
      kind: "tea-time",
      title: "Tea time",
      timeZone: "Asia/Seoul",
      startTime: "16:00",
      startDate,
      customerId: customerId!,
      ...changes,
    },
    people: { hostIds: [hostId], participantIds, contactIds: contacts.map((contact) => contact.contactId) },
    confirmed: [],
  };
}
