// Answers to a meeting's invite: who said they are coming, and whether that still holds.

export const RSVP_ANSWERS = ["yes", "maybe", "no"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

export function isRsvpAnswer(value: unknown): value is RsvpAnswer {
  return (RSVP_ANSWERS as readonly unknown[]).includes(value);
}

/** Who answers: one of the team's members or one of a customer's contacts. */
export interface RsvpPerson {
  kind: "member" | "contact";
  id: string;
}

export interface StoredRsvp {
  personId: string;
  answer: RsvpAnswer;
  /** The meeting's start when they answered. */
  start: number;
}

/** An answer counts for the meeting as it is now: after a move it is asked again. */
export function currentAnswer(rsvp: StoredRsvp | undefined, meetingStart: number): RsvpAnswer | null {
  return rsvp && rsvp.start === meetingStart ? rsvp.answer : null;
}

/** The people invited, grouped by their answer (in the order given), and those who have not answered. */
export function answersByKind<P extends { id: string }>(
  people: readonly P[],
  rsvps: readonly StoredRsvp[],
  meetingStart: number,
): Record<RsvpAnswer | "none", P[]> {
  const byPerson = new Map(rsvps.map((rsvp) => [rsvp.personId, rsvp]));
  const groups: Record<RsvpAnswer | "none", P[]> = { yes: [], maybe: [], no: [], none: [] };
  for (const person of people) groups[currentAnswer(byPerson.get(person.id), meetingStart) ?? "none"].push(person);
  return groups;
}
