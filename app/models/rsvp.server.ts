import { isRsvpAnswer, type RsvpAnswer, type RsvpPerson, type StoredRsvp } from "~/domain/rsvp";
import { prisma } from "~/utils/db.server";

/** Records a person's answer to one meeting, replacing any earlier one. */
export async function saveRsvp(
  meeting: { ritualId: string; originalStart: number; start: number },
  person: RsvpPerson,
  answer: RsvpAnswer,
): Promise<void> {
  const key = { ritualId: meeting.ritualId, originalStart: new Date(meeting.originalStart), personId: person.id };
  const data = { answer, start: new Date(meeting.start), answeredAt: new Date() };
  await prisma.rsvp.upsert({
    where: { ritualId_originalStart_personId: key },
    create: { ...key, personKind: person.kind, ...data },
    update: data,
  });
}

/** Every answer given to one meeting. */
export async function rsvpsOf(ritualId: string, originalStart: number): Promise<StoredRsvp[]> {
  const rows = await prisma.rsvp.findMany({ where: { ritualId, originalStart: new Date(originalStart) } });
  return rows.map(toStoredRsvp);
}

export function toStoredRsvp(row: { personId: string; answer: string; start: Date }): StoredRsvp {
  // The table's CHECK keeps `answer` to the three; "maybe" only if a row was written around it.
  return {
    personId: row.personId,
    answer: isRsvpAnswer(row.answer) ? row.answer : "maybe",
    start: row.start.getTime(),
  };
}

/** The language an RSVP page speaks: the member's own choice, or the customer's for a contact. */
export async function rsvpPersonLanguage(person: RsvpPerson): Promise<string | null> {
  if (person.kind === "member") {
    const member = await prisma.member.findUnique({
      where: { id: person.id },
      select: { user: { select: { language: true } } },
    });
    return member?.user?.language ?? null;
  }
  const contact = await prisma.contact.findUnique({
    where: { id: person.id },
    select: { customer: { select: { language: true } } },
  });
  return contact?.customer.language ?? null;
}
