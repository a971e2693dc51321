import { customerSeriesFile, meetingCalendarFile, teamSeriesFile } from "~/calendar/calendar-invites.server";
import { meetingPageUrl } from "~/calendar/ritual-calendars";
import { expandValidRule } from "~/domain/recurrence";
import { env } from "~/utils/env.server";
import { translatorFor } from "~/i18n/i18next.server";
import type { MailDraft } from "~/models/mail.server";
import type { FoundMeeting } from "~/models/meeting.server";
import type { RitualRecord } from "~/models/ritual-record.server";
import { memberFooter, rsvpLines, when } from "./wording.server";
import { MINUTE } from "~/domain/durations";
import { minutesToClock } from "~/domain/clock";
import { seriesChanges, type SeriesChange } from "~/domain/series-changes";
import type { TFunction } from "i18next";
import type { RsvpTarget } from "~/utils/signed-token.server";

// Invites by email: the series to everyone on it, and one meeting's new time or cancellation.

/** What one change of a ritual tells everyone on it. */
interface Announcement {
  /** Identifies the change (the sequence is in it): each recipient gets it once. */
  key: string;
  kind: "invite" | "cancel";
  method: "REQUEST" | "CANCEL";
  /** The meeting the text names, and the one whose page it links to. */
  start: number;
  originalStart: number;
  subjectKey: `mail.${"invite" | "update" | "moved" | "cancel" | "seriesUpdate" | "seriesCancel" | "seriesLeft" | "seriesToFeed"}Subject`;
  bodyKey: `mail.${"invite" | "update" | "moved" | "cancel" | "seriesUpdate" | "seriesCancel" | "seriesLeft" | "seriesToFeed"}Body`;
  /** The meeting's time before this change, when the mail names it ("was …"). */
  previousStart?: number;
  /** Lines after the first, in the recipient's language and on their clock: what changed. */
  details?: (t: TFunction, words: MailWords) => string[];
  /** Only these get it (everyone on the ritual, when absent). */
  only?: Recipients;
  /** Whether the mail links the meeting's page (not once the ritual is gone for them). */
  linksMeetingPage: boolean;
  /** The team's calendar file as one member gets it (hosts' reminders differ), and the customer's. */
  teamFile: (memberId: string, language: string) => Promise<string>;
  customerFile: () => Promise<string>;
}

type MailWords = ReturnType<typeof wordsFor>;

/** A mail's first paragraph: what happened, then what changed, line by line. */
function opening(t: TFunction, change: Announcement, words: MailWords): string {
  return [t(change.bodyKey, words), ...(change.details?.(t, words) ?? [])].join("\n");
}

/** What a mail's sentences fill in, on one recipient's clock and in their language. */
function wordsFor(title: string, change: Announcement, zone: string, language: string) {
  return {
    title,
    when: when(change.start, zone, language),
    was: change.previousStart === undefined ? "" : when(change.previousStart, zone, language),
    zone,
  };
}

/**
 * The announcement for each member who takes mail (in their language, on their
 * clock, with the meeting page) and, for tea times, each of the customer's
 * contacts (in the customer's language, on their own clock, no team links).
 */
async function announce(record: RitualRecord, change: Announcement): Promise<MailDraft[]> {
  const { ritual, attendees, contacts, teamName: team } = record;
  const teamId = ritual.teamId;
  // One file for the hosts and one for everyone else, per language, not one per person.
  const files = new Map<string, Promise<string>>();
  const teamFile = (memberId: string, host: boolean, language: string) => {
    const key = `${host}|${language}`;
    if (!files.has(key)) files.set(key, change.teamFile(memberId, language));
    return files.get(key)!;
  };
  const common = { teamId, kind: change.kind, calendarMethod: change.method };
  const drafts: MailDraft[] = [];
  // An invite or a new time asks each person whether they come to the meeting it names.
  const asksRsvp = change.method === "REQUEST";
  const rsvpTarget = (person: RsvpTarget["person"]): RsvpTarget => ({
    teamId,
    ritualId: ritual.id,
    originalStart: change.originalStart,
    person,
  });
  // One copy per meeting: a member who follows their feed gets meetings there, not by mail.
  const members = attendees.filter(
    (a) => !a.emailsOff && !a.followsFeed && (!change.only || change.only.memberIds.has(a.memberId)),
  );
  for (const member of members) {
    const t = await translatorFor(member.language);
    const words = wordsFor(ritual.title, change, member.timeZone, member.language);
    drafts.push({
      ...common,
      dedupeKey: `${change.key}|member:${member.memberId}`,
      memberId: member.memberId,
      toName: member.name,
      toAddress: member.email,
      subject: t(change.subjectKey, words),
      text:
        [
          opening(t, change, words),
          change.linksMeetingPage &&
            t("mail.meetingPage", { url: meetingPageUrl(ritual, change.originalStart, env.appUrl) }),
          asksRsvp && rsvpLines(t, words.when, rsvpTarget({ kind: "member", id: member.memberId })),
          t("mail.attached"),
        ]
          .filter(Boolean)
          .join("\n\n") + memberFooter(t, team, teamId, member.memberId),
      calendar: await teamFile(member.memberId, member.role === "host", member.language),
    });
  }
  const told = contacts.filter((contact) => !change.only || change.only.contactIds.has(contact.id));
  if (ritual.customer && told.length > 0) {
    const language = ritual.customer.language;
    const [ct, calendar] = await Promise.all([translatorFor(language), change.customerFile()]);
    for (const contact of told) {
      const words = wordsFor(ritual.title, change, contact.timeZone, language);
      drafts.push({
        ...common,
        dedupeKey: `${change.key}|contact:${contact.id}`,
        toName: contact.name,
        toAddress: contact.email,
        subject: ct(change.subjectKey, words),
        text: [
          opening(ct, change, words),
          asksRsvp && rsvpLines(ct, words.when, rsvpTarget({ kind: "contact", id: contact.id })),
          ct("mail.attached"),
          `-- \n${ct("mail.customerFooter", { team })}`,
        ]
          .filter(Boolean)
          .join("\n\n"),
        calendar,
      });
    }
  }
  return drafts;
}

/** The series' next meeting from `now` (cancelled ones are not expanded at all), if it has one. */
function nextMeeting({ ritual, changes }: RitualRecord, now: number) {
  return expandValidRule(ritual, { from: now, to: now + 800 * 24 * 60 * MINUTE }, changes.exceptions)[0];
}

/** A series edit's changes as lines of a mail: the next meeting's old time on the reader's clock first. */
function changeLines(changes: readonly SeriesChange[]) {
  return (t: TFunction, words: MailWords) => [
    ...(words.was ? [t("mail.change.nextWas", words)] : []),
    ...changes.map((change) =>
      change.key === "time"
        ? t("mail.change.time", { from: minutesToClock(change.from), to: minutesToClock(change.to), zone: change.zone })
        : t(`mail.change.${change.key}`, change),
    ),
  ];
}

/**
 * The series invite to everyone on it, after it was created or, given how it
 * was `before`, changed: then it says what changed (its sequence is in the key).
 */
export async function seriesInviteMails(
  record: RitualRecord,
  now: number,
  before: RitualRecord | null = null,
  resentTo?: Recipients,
): Promise<MailDraft[]> {
  const { ritual } = record;
  const next = nextMeeting(record, now);
  if (!next) return [];
  const previous = before && nextMeeting(before, now);
  return announce(record, {
    linksMeetingPage: true,
    // Sent again to `resentTo` (back from the feed to mailed invites): a mail of its own.
    key: `invite|${ritual.id}|${ritual.sequence}${resentTo ? `|resent:${now}` : ""}`,
    only: resentTo,
    kind: "invite",
    method: "REQUEST",
    start: next.start,
    originalStart: next.originalStart,
    ...(before
      ? {
          subjectKey: "mail.seriesUpdateSubject",
          bodyKey: "mail.seriesUpdateBody",
          previousStart: previous && previous.start !== next.start ? previous.start : undefined,
          details: changeLines(seriesChanges(before.ritual, ritual)),
        }
      : { subjectKey: "mail.inviteSubject", bodyKey: "mail.inviteBody" }),
    teamFile: (memberId, language) => teamSeriesFile(record, { memberId }, language),
    customerFile: () => customerSeriesFile(record),
  });
}

/**
 * One meeting's new time, or its cancellation, to everyone on the ritual (the
 * meeting's sequence is in the key); a move names the time it had before
 * (`previousStart`, null when it was cancelled).
 */
export async function meetingUpdateMails(
  record: RitualRecord,
  meeting: FoundMeeting["meeting"],
  previousStart: number | null = null,
): Promise<MailDraft[]> {
  if (meeting.detached) return [];
  const { ritual } = record;
  const cancelled = meeting.cancelled;
  const moved = !cancelled && previousStart !== null && previousStart !== meeting.start;
  return announce(record, {
    linksMeetingPage: true,
    key: `meeting|${ritual.id}|${meeting.originalStart}|${Math.max(ritual.sequence, meeting.sequence)}`,
    kind: cancelled ? "cancel" : "invite",
    method: cancelled ? "CANCEL" : "REQUEST",
    start: meeting.start,
    originalStart: meeting.originalStart,
    subjectKey: cancelled ? "mail.cancelSubject" : moved ? "mail.movedSubject" : "mail.updateSubject",
    bodyKey: cancelled ? "mail.cancelBody" : moved ? "mail.movedBody" : "mail.updateBody",
    previousStart: moved ? previousStart : undefined,
    // Everyone on the team who reads one language gets the same file for one meeting.
    teamFile: (_memberId, language) => meetingCalendarFile(record, meeting, language),
    customerFile: () => meetingCalendarFile(record, meeting, ritual.customer?.language ?? "en", "customer"),
  });
}

/** Members and contacts, by id: who a mail goes to. */
export interface Recipients {
  memberIds: ReadonlySet<string>;
  contactIds: ReadonlySet<string>;
}

/** One member, alone. */
export const memberAlone = (memberId: string): Recipients => ({
  memberIds: new Set([memberId]),
  contactIds: new Set(),
});

/** What a series cancellation says: deleted, the person taken off it, or moved to their feed. */
const CANCELLATION_WORDS = { cancel: "seriesCancel", left: "seriesLeft", "to-feed": "seriesToFeed" } as const;

/**
 * The whole series called off, as a METHOD:CANCEL of every event the series
 * invite put in calendars: to everyone on it when the ritual is deleted, or to
 * those `takenOff` it (a removed member, a person no longer invited). Nothing
 * when no meeting is left to come.
 */
export async function seriesCancellationMails(
  record: RitualRecord,
  now: number,
  takenOff?: Recipients,
  why: "left" | "to-feed" = "left",
): Promise<MailDraft[]> {
  const next = nextMeeting(record, now);
  if (!next) return [];
  const reason = takenOff === undefined ? "cancel" : why;
  const words = CANCELLATION_WORDS[reason];
  return announce(record, {
    key: `series-${reason}|${record.ritual.id}|${now}`,
    kind: "cancel",
    method: "CANCEL",
    start: next.start,
    originalStart: next.originalStart,
    subjectKey: `mail.${words}Subject`,
    bodyKey: `mail.${words}Body`,
    only: takenOff,
    linksMeetingPage: false,
    teamFile: (memberId, language) => teamSeriesFile(record, { memberId }, language, { cancelled: true }),
    customerFile: () => customerSeriesFile(record, { cancelled: true }),
  });
}
