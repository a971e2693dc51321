import { answersByKind, currentAnswer, type RsvpAnswer, type StoredRsvp } from "~/domain/rsvp";
import type { TeamPlanning } from "~/models/planning.server";
import { everyoneOf } from "~/domain/people";

export interface MeetingAnswers {
  groups: Record<RsvpAnswer | "none", { id: string; name: string }[]>;
  /** The viewer's own answer, when they are invited. */
  mine: RsvpAnswer | null;
  invited: boolean;
  /** Whether answers can still be given (not cancelled, not over). */
  open: boolean;
}

/** Who said they are coming to one meeting of a ritual: its members and customer contacts, by answer. */
export function meetingAnswers(
  planning: TeamPlanning,
  ritualId: string,
  meeting: { start: number; end: number; cancelled: boolean; detached: boolean },
  rsvps: readonly StoredRsvp[],
  viewerId: string,
  now: number,
): MeetingAnswers {
  const names = new Map(everyoneOf(planning).map((person) => [person.id, person.name]));
  const invited = (planning.rituals.find((ritual) => ritual.id === ritualId)?.attendees ?? []).map(({ personId }) => ({
    id: personId,
    name: names.get(personId) ?? "",
  }));
  return {
    groups: answersByKind(invited, rsvps, meeting.start),
    mine: currentAnswer(
      rsvps.find((rsvp) => rsvp.personId === viewerId),
      meeting.start,
    ),
    invited: invited.some((person) => person.id === viewerId),
    open: !meeting.cancelled && !meeting.detached && meeting.end > now,
  };
}
