import { customerSeriesFile, meetingCalendarFile, teamSeriesFile } from "~/calendar/calendar-invites.server";
import { meetingPageUrl } from "~/calendar/ritual-calendars";
import { expandValidRule } from "~/domain/recurrence";
import type { StoredRitual } from "~/domain/ritual";
import { env } from "~/utils/env.server";
import { i18nServer } from "~/i18n/i18next.server";
import { queueMail, ritualMailRecipients, teamName, type MailDraft } from "~/models/mail.server";
import { findMeeting, listExceptionsFor } from "~/models/meeting.server";
import { getRitual } from "~/models/ritual.server";
import { MEMBER_LANGUAGE, MINUTE, memberFooter, when } from "./wording.server";

// Invites by email: the series to everyone on it, and one meeting's new time or cancellation.

/** The next meeting of a series from now, if any. */
function nextMeeting(ritual: StoredRitual, exceptions: Parameters<typeof expandValidRule>[2], now: number) {
  // Cancelled meetings are not expanded at all.
  return expandValidRule(ritual, { from: now, to: now + 800 * 24 * 60 * MINUTE }, exceptions)[0];
}

/** The series invite to everyone on it, after it was created or changed (its sequence is in the key). */
export async function queueSeriesInvites(teamId: string, ritualId: string, now = Date.now()): Promise<number> {
  const ritual = await getRitual(teamId, ritualId);
  if (!ritual) return 0;
  const [{ members, contacts }, team, exceptions] = await Promise.all([
    ritualMailRecipients(ritual.id),
    teamName(teamId),
    listExceptionsFor([ritual.id]).then((map) => map.get(ritual.id) ?? []),
  ]);
  const next = nextMeeting(ritual, exceptions, now);
  if (!next) return 0;
  const drafts: MailDraft[] = [];
  const t = await i18nServer.getFixedT(MEMBER_LANGUAGE);
  for (const member of members.filter((m) => !m.emailsOff)) {
    const body = [
      t("mail.inviteBody", {
        title: ritual.title,
        when: when(next.start, member.timeZone, MEMBER_LANGUAGE),
        zone: member.timeZone,
      }),
      t("mail.meetingPage", { url: meetingPageUrl(ritual, next.originalStart, env.appUrl) }),
      t("mail.attached"),
    ].join("\n\n");
    drafts.push({
      teamId,
      dedupeKey: `invite|${ritual.id}|${ritual.sequence}|member:${member.id}`,
      kind: "invite",
      memberId: member.id,
      toName: member.name,
      toAddress: member.email,
      subject: t("mail.inviteSubject", { title: ritual.title }),
      text: body + memberFooter(t, team, teamId, member.id),
      calendar: await teamSeriesFile(ritual, { memberId: member.id }, MEMBER_LANGUAGE),
      calendarMethod: "REQUEST",
    });
  }
  if (ritual.customer && contacts.length > 0) {
    const language = ritual.customer.language;
    const ct = await i18nServer.getFixedT(language);
    const calendar = await customerSeriesFile(ritual);
    for (const contact of contacts) {
      const zone = contact.timeZone ?? ritual.timeZone;
      drafts.push({
        teamId,
        dedupeKey: `invite|${ritual.id}|${ritual.sequence}|contact:${contact.id}`,
        kind: "invite",
        toName: contact.name,
        toAddress: contact.email,
        subject: ct("mail.inviteSubject", { title: ritual.title }),
        text: [
          ct("mail.inviteBody", { title: ritual.title, when: when(next.start, zone, language), zone }),
          ct("mail.attached"),
          `-- \n${ct("mail.customerFooter", { team })}`,
        ].join("\n\n"),
        calendar,
        calendarMethod: "REQUEST",
      });
    }
  }
  return queueMail(drafts, now);
}

/** One meeting's new time, or its cancellation, to everyone on the ritual (the meeting's sequence is in the key). */
export async function queueMeetingUpdate(
  teamId: string,
  ritualId: string,
  originalStart: number,
  now = Date.now(),
): Promise<number> {
  const found = await findMeeting(teamId, ritualId, originalStart);
  if (!found || found.meeting.detached) return 0;
  const { ritual, meeting } = found;
  const sequence = Math.max(ritual.sequence, meeting.sequence);
  const [{ members, contacts }, team] = await Promise.all([ritualMailRecipients(ritual.id), teamName(teamId)]);
  const kind = meeting.cancelled ? "cancel" : "invite";
  const method = meeting.cancelled ? "CANCEL" : "REQUEST";
  const subjectKey = meeting.cancelled ? "mail.cancelSubject" : "mail.updateSubject";
  const bodyKey = meeting.cancelled ? "mail.cancelBody" : "mail.updateBody";
  const drafts: MailDraft[] = [];
  const t = await i18nServer.getFixedT(MEMBER_LANGUAGE);
  const teamFile = await meetingCalendarFile(ritual, meeting, MEMBER_LANGUAGE);
  for (const member of members.filter((m) => !m.emailsOff)) {
    const at = when(meeting.start, member.timeZone, MEMBER_LANGUAGE);
    drafts.push({
      teamId,
      dedupeKey: `meeting|${ritual.id}|${originalStart}|${sequence}|member:${member.id}`,
      kind,
      memberId: member.id,
      toName: member.name,
      toAddress: member.email,
      subject: t(subjectKey, { title: ritual.title, when: at }),
      text:
        [
          t(bodyKey, { title: ritual.title, when: at, zone: member.timeZone }),
          t("mail.meetingPage", { url: meetingPageUrl(ritual, originalStart, env.appUrl) }),
          t("mail.attached"),
        ].join("\n\n") + memberFooter(t, team, teamId, member.id),
      calendar: teamFile,
      calendarMethod: method,
    });
  }
  if (ritual.customer && contacts.length > 0) {
    const language = ritual.customer.language;
    const ct = await i18nServer.getFixedT(language);
    const customerFile = await meetingCalendarFile(ritual, meeting, language, "customer");
    for (const contact of contacts) {
      const zone = contact.timeZone ?? ritual.timeZone;
      const at = when(meeting.start, zone, language);
      drafts.push({
        teamId,
        dedupeKey: `meeting|${ritual.id}|${originalStart}|${sequence}|contact:${contact.id}`,
        kind,
        toName: contact.name,
        toAddress: contact.email,
        subject: ct(subjectKey, { title: ritual.title, when: at }),
        text: [
          ct(bodyKey, { title: ritual.title, when: at, zone }),
          ct("mail.attached"),
          `-- \n${ct("mail.customerFooter", { team })}`,
        ].join("\n\n"),
        calendar: customerFile,
        calendarMethod: method,
      });
    }
  }
  return queueMail(drafts, now);
}
