/**
 * Answers to a meeting's invite: from the link in a mailed invite (signed, per
 * person and meeting, no sign-in) or from the meeting page.
 */
import { meetingOnSameDay } from "~/domain/meeting-address";
import { currentAnswer, type RsvpAnswer } from "~/domain/rsvp";
import { findMeetingOf } from "~/models/meeting.server";
import { loadRitualRecord } from "~/models/ritual-record.server";
import { rsvpsOf, saveRsvp } from "~/models/rsvp.server";
import { readRsvpToken, type RsvpTarget } from "~/utils/signed-token.server";

export type RsvpInvitation =
  | {
      ok: true;
      title: string;
      teamName: string;
      personName: string;
      /** The clock the person reads times on. */
      timeZone: string;
      start: number;
      end: number;
      /** Their answer to the meeting as it is now, if they gave one. */
      answer: RsvpAnswer | null;
      target: RsvpTarget;
    }
  /** unknown: not a link we made, or its ritual is gone; not-invited: no longer on the ritual. */
  | { ok: false; reason: "unknown" | "not-invited" | "cancelled" | "over" };

/** What one person is asked about one meeting, checked as it is now. */
async function invitation(target: RsvpTarget, now: number): Promise<RsvpInvitation> {
  const record = await loadRitualRecord(target.teamId, target.ritualId);
  if (!record) return { ok: false, reason: "unknown" };
  const person =
    target.person.kind === "member"
      ? record.attendees.find((a) => a.memberId === target.person.id)
      : record.contacts.find((c) => c.id === target.person.id);
  if (!person) return { ok: false, reason: "not-invited" };
  // A link from before a series edit answers for the meeting the series has that day now.
  const originalStart = meetingOnSameDay(record.ritual, target.originalStart)?.originalStart ?? target.originalStart;
  const found = await findMeetingOf(record.ritual, originalStart);
  if (!found || found.meeting.detached) return { ok: false, reason: "unknown" };
  const { meeting } = found;
  if (meeting.cancelled) return { ok: false, reason: "cancelled" };
  if (meeting.end <= now) return { ok: false, reason: "over" };
  const answers = await rsvpsOf(record.ritual.id, originalStart);
  return {
    ok: true,
    title: record.ritual.title,
    teamName: record.teamName,
    personName: person.name,
    timeZone: person.timeZone,
    start: meeting.start,
    end: meeting.end,
    answer: currentAnswer(
      answers.find((rsvp) => rsvp.personId === target.person.id),
      meeting.start,
    ),
    target: { ...target, originalStart },
  };
}

/** The meeting an RSVP link is for, and the answer already given. */
export async function rsvpLinkInvitation(token: string, now: number): Promise<RsvpInvitation> {
  const target = readRsvpToken(token);
  return target ? invitation(target, now) : { ok: false, reason: "unknown" };
}

/** Records `answer` for the person and meeting a link or the meeting page names, if they are still asked. */
export async function answerInvitation(
  target: RsvpTarget | string,
  answer: RsvpAnswer,
  now: number,
): Promise<RsvpInvitation> {
  const asked = typeof target === "string" ? await rsvpLinkInvitation(target, now) : await invitation(target, now);
  if (!asked.ok) return asked;
  await saveRsvp(
    { ritualId: asked.target.ritualId, originalStart: asked.target.originalStart, start: asked.start },
    asked.target.person,
    answer,
  );
  return { ...asked, answer };
}
