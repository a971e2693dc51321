/**
 * What the app mails, and when: invites when a series or a meeting changes,
 * each person's daily digest of follow-up reminders at 08:00 on their clock,
 * the agenda to hosts at go-early time, and a tea time's recap to the customer.
 * Every mail has a key, so two instances (or a resent form) queue it once.
 */
import type { TFunction } from "i18next";
import { customerSeriesFile, meetingCalendarFile, teamSeriesFile } from "~/calendar/calendar-invites.server";
import { meetingPageUrl } from "~/calendar/ritual-calendars";
import { formatDate, formatDay, formatTime } from "~/components/ritual-format";
import { digestDateDue, nudgesOwed, type Nudge } from "~/domain/nudges";
import { expandValidRule } from "~/domain/recurrence";
import type { StoredRitual } from "~/domain/ritual";
import { env } from "~/utils/env.server";
import { i18nServer } from "~/i18n/i18next.server";
import {
  claimDueMail,
  givenNudges,
  mailQueued,
  markDelivered,
  markFailed,
  openFollowUpsForReminders,
  queueDigest,
  queueMail,
  ritualMailRecipients,
  ritualsWithHosts,
  teamName,
  type MailDraft,
} from "~/models/mail.server";
import { findMeeting, listExceptionsFor } from "~/models/meeting.server";
import { carriedRisksAndDeadline, loadNotePage, shareTokenOf, type MeetingRef } from "~/models/note.server";
import { getRitual, toStoredRitual } from "~/models/ritual.server";
import { configuredTransport, type MailTransport } from "./transport.server";

const MINUTE = 60_000;
/** How late an agenda may still go out after its go-early time (a restart, a slow tick). */
const AGENDA_GRACE_MS = 30 * MINUTE;
/** Members read mail in English (the app keeps no language per member); customers in their own. */
const MEMBER_LANGUAGE = "en";

const settingsUrl = (teamId: string, memberId: string) =>
  new URL(`/teams/${teamId}/members/${memberId}/edit`, env.appUrl).toString();

function memberFooter(t: TFunction, team: string, teamId: string, memberId: string): string {
  return `\n\n-- \n${t("mail.footer", { team, url: settingsUrl(teamId, memberId) })}`;
}

/** "Tue, Nov 24 4:00 PM" on someone's clock. */
function when(instant: number, zone: string, language: string): string {
  return `${formatDay(instant, zone, language)} ${formatTime(instant, zone, language)}`;
}

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

type ReminderItem = Awaited<ReturnType<typeof openFollowUpsForReminders>>[number];
type Recipient = NonNullable<ReminderItem["owner"]>;

/**
 * Each person whose 08:00 has come today gets one digest of the reminders
 * they are owed and have not had: approvals due tomorrow, overdue items and
 * silent ones (theirs, and the silent shared ones of tea times they organise).
 */
export async function queueDueDigests(now = Date.now()): Promise<number> {
  const items = await openFollowUpsForReminders();
  const owed = new Map<
    string,
    { recipient: Recipient & { teamId: string }; lines: { item: ReminderItem; nudge: Nudge }[] }
  >();
  const owe = (recipient: Recipient & { teamId: string }, item: ReminderItem, nudges: Nudge[]) => {
    if (recipient.emailsOff || nudges.length === 0) return;
    const entry = owed.get(recipient.id) ?? { recipient, lines: [] };
    for (const nudge of nudges) entry.lines.push({ item, nudge });
    owed.set(recipient.id, entry);
  };
  for (const item of items) {
    const owner = item.owner!;
    const tracked = {
      ...item,
      status: "open" as const,
      kind: item.kind === "approval" ? ("approval" as const) : ("action" as const),
      lastUpdatedAt: item.lastUpdatedAt.getTime(),
    };
    owe(owner, item, nudgesOwed(tracked, owner.id, owner.timeZone, now));
    // The account owner (the tea time's organiser) hears when a customer-visible item goes quiet.
    const organiser = item.notePage.meeting.ritual.attendees[0]?.member;
    if (item.shared && organiser && organiser.id !== owner.id) {
      owe(
        { ...organiser, teamId: owner.teamId },
        item,
        nudgesOwed(tracked, organiser.id, owner.timeZone, now, { silentOnly: true }),
      );
    }
  }
  const t = await i18nServer.getFixedT(MEMBER_LANGUAGE);
  let queued = 0;
  for (const { recipient, lines } of owed.values()) {
    const date = digestDateDue(recipient.timeZone, now);
    if (date === null) continue;
    const dedupeKey = `digest|${recipient.id}|${date}`;
    if (await mailQueued(dedupeKey)) continue;
    const given = await givenNudges(lines.map((line) => line.nudge.key));
    const fresh = lines.filter((line) => !given.has(line.nudge.key));
    if (fresh.length === 0) continue;
    const team = fresh[0]!.item.notePage.meeting.ritual.team.name;
    const text = [
      t("mail.digestIntro"),
      ...fresh.map(({ item, nudge }) => {
        const ritual = item.notePage.meeting.ritual;
        const line = `- ${t("mail.digestItem", {
          reason: t(`mail.reason.${nudge.reason}`),
          title: item.title,
          due: formatDate(item.dueDate, MEMBER_LANGUAGE),
          url: meetingPageUrl(ritual, item.notePage.meeting.originalStart.getTime(), env.appUrl),
        })}`;
        return item.shared && ritual.customer
          ? `${line}\n  ${t("mail.digestShared", { customer: ritual.customer.name })}`
          : line;
      }),
    ].join("\n\n");
    const sent = await queueDigest(
      {
        teamId: recipient.teamId,
        dedupeKey,
        kind: "digest",
        memberId: recipient.id,
        toName: recipient.name,
        toAddress: recipient.email,
        subject: t("mail.digestSubject", { date: formatDate(date, MEMBER_LANGUAGE) }),
        text: text + memberFooter(t, team, recipient.teamId, recipient.id),
      },
      fresh.map((line) => line.nudge.key),
      now,
    );
    if (sent) queued++;
  }
  return queued;
}

/** The agenda, with what is still open from earlier meetings, to each host when it is time to go early. */
export async function queueDueAgendas(now = Date.now()): Promise<number> {
  const rituals = await ritualsWithHosts();
  const exceptions = await listExceptionsFor(rituals.map((r) => r.id));
  const t = await i18nServer.getFixedT(MEMBER_LANGUAGE);
  let queued = 0;
  for (const row of rituals) {
    const ritual = toStoredRitual(row);
    const lead = ritual.goEarlyMinutes * MINUTE;
    const window = { from: now - AGENDA_GRACE_MS + lead, to: now + lead + MINUTE };
    const due = expandValidRule(ritual, window, exceptions.get(ritual.id) ?? []).filter(
      (meeting) => meeting.start - lead <= now && meeting.start - lead > now - AGENDA_GRACE_MS,
    );
    for (const meeting of due) {
      const ref: MeetingRef = { teamId: ritual.teamId, ritualId: ritual.id, originalStart: meeting.originalStart };
      const notes = await loadNotePage(ref);
      const agenda = notes.page?.agenda ?? ritual.agendaTemplate;
      const carried = [
        ...notes.carriedFollowUps.map((item) => `- ${item.title}${item.owner ? ` (${item.owner.name})` : ""}`),
        ...notes.carriedQuestions.map((item) => `- ${item.question}`),
        ...notes.carriedRisks.map((item) => `- ${item.risk}`),
      ];
      const drafts: MailDraft[] = row.attendees
        .map((a) => a.member)
        .filter((host) => !host.emailsOff)
        .map((host) => ({
          teamId: ritual.teamId,
          dedupeKey: `agenda|${ritual.id}|${meeting.originalStart}|${host.id}`,
          kind: "agenda" as const,
          memberId: host.id,
          toName: host.name,
          toAddress: host.email,
          subject: t("mail.agendaSubject", {
            title: ritual.title,
            time: formatTime(meeting.start, host.timeZone, MEMBER_LANGUAGE),
          }),
          text:
            [
              t("mail.agendaIntro", {
                title: ritual.title,
                time: when(meeting.start, host.timeZone, MEMBER_LANGUAGE),
                zone: host.timeZone,
              }),
              agenda && `${t("mail.agendaHeading")}:\n${agenda}`,
              carried.length > 0 && `${t("mail.carriedHeading")}:\n${carried.join("\n")}`,
              t("mail.meetingPage", { url: meetingPageUrl(ritual, meeting.originalStart, env.appUrl) }),
            ]
              .filter(Boolean)
              .join("\n\n") + memberFooter(t, row.team.name, ritual.teamId, host.id),
        }));
      queued += await queueMail(drafts, now);
    }
  }
  return queued;
}

/**
 * After a tea time: what its shared page shows (agenda, deadline, shared
 * items), mailed to each of the customer's contacts in their language. Once
 * per version of the page; answers how many contacts it went to (null: not a tea time).
 */
export async function queueRecap(ref: MeetingRef, now = Date.now()): Promise<number | null> {
  const ritual = await getRitual(ref.teamId, ref.ritualId);
  if (!ritual?.customer) return null;
  // As the shared page: this page's shared items, with the shared risks and the deadline carried from earlier meetings.
  const [{ contacts }, { page }, carried, team] = await Promise.all([
    ritualMailRecipients(ritual.id),
    loadNotePage(ref),
    carriedRisksAndDeadline(ref, { sharedOnly: true }),
    teamName(ref.teamId),
  ]);
  const language = ritual.customer.language;
  const t = await i18nServer.getFixedT(language);
  const token = page && shareTokenOf(page);
  const pageUrl = token ? new URL(`/shared/${token}`, env.appUrl).toString() : null;
  const deadline = page?.customerDeadline ?? carried.deadline?.customerDeadline ?? null;
  const list = (heading: string, lines: string[]) =>
    lines.length > 0 && `${t(heading)}:\n${lines.map((l) => `- ${l}`).join("\n")}`;
  // On the ritual's clock: a tea time is anchored where the customer is.
  const date = formatDay(ref.originalStart, ritual.timeZone, language);
  const text = [
    t("mail.recapIntro", { date }),
    page?.agenda && `${t("mail.agendaHeading")}:\n${page.agenda}`,
    deadline && t("mail.deadline", { date: formatDate(deadline, language) }),
    list(
      "mail.followUpsHeading",
      (page?.followUps ?? []).filter((i) => i.shared).map((i) => i.title),
    ),
    list(
      "mail.risksHeading",
      [...carried.risks, ...(page?.risks ?? []).filter((i) => i.shared)].map((i) => i.risk),
    ),
    list(
      "mail.questionsHeading",
      (page?.parkedQuestions ?? []).filter((i) => i.shared).map((i) => i.question),
    ),
    pageUrl && t("mail.sharedPage", { url: pageUrl }),
    `-- \n${t("mail.customerFooter", { team })}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  await queueMail(
    contacts.map((contact) => ({
      teamId: ref.teamId,
      dedupeKey: `recap|${ritual.id}|${ref.originalStart}|${page?.version ?? 0}|${contact.id}`,
      kind: "recap" as const,
      toName: contact.name,
      toAddress: contact.email,
      subject: t("mail.recapSubject", { title: ritual.title, date }),
      text,
    })),
    now,
  );
  return contacts.length;
}

/** Sends what is due; a failure is kept with its error and tried again later. */
export async function deliverQueuedMail(now = Date.now(), transport: MailTransport = configuredTransport()) {
  const claimed = await claimDueMail(now);
  for (const mail of claimed) {
    try {
      await markDelivered(mail.id, await transport.send(mail), now);
    } catch (error) {
      await markFailed(mail, error instanceof Error ? error.message : String(error), now);
    }
  }
  return claimed.length;
}

/** One round of the sender: reminders and agendas that came due, then delivery. */
export async function runMailRound(now = Date.now(), transport?: MailTransport): Promise<void> {
  await queueDueDigests(now);
  await queueDueAgendas(now);
  await deliverQueuedMail(now, transport);
}

/** Runs the sender in this process every MAIL_TICK_SECONDS; several instances may run it together. */
export function startMailScheduler(): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runMailRound();
    } catch (error) {
      console.error("The mail sender failed this round", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, env.mailTickSeconds * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
