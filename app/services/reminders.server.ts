import { meetingPageUrl } from "~/calendar/ritual-calendars";
import { formatDate, formatTime } from "~/i18n/format";
import { digestDateDue, nudgesOwed, type Nudge } from "~/domain/nudges";
import { expandValidRule } from "~/domain/recurrence";
import { env } from "~/utils/env.server";
import { translatorFor } from "~/i18n/i18next.server";
import {
  givenNudges,
  mailQueued,
  openFollowUpsForReminders,
  queueDigest,
  queueMail,
  ritualsWithHosts,
  timeAwayAround,
  type MailDraft,
} from "~/models/mail.server";
import { listExceptionsFor } from "~/models/meeting.server";
import { loadNotePage, type MeetingRef } from "~/models/note.server";
import { toStoredRitual } from "~/models/ritual.server";
import { loadTeamPlanning } from "~/models/planning.server";
import { memberFooter, memberLanguage, when } from "~/mail/wording.server";
import { MINUTE } from "~/domain/durations";
import { reminderRecipient } from "~/domain/days-off";

// Be Responsive by mail: the morning digest of follow-up reminders, and the agenda at go-early time.

/** How late an agenda may still go out after its go-early time (a restart, a slow tick). */
const AGENDA_GRACE_MS = 30 * MINUTE;

type ReminderItem = Awaited<ReturnType<typeof openFollowUpsForReminders>>[number];
type Recipient = NonNullable<ReminderItem["owner"]>;

/** Every member's days off (public holidays, the team's days, time away), for the teams given. */
async function membersDaysOff(teamIds: ReadonlySet<string>, now: number) {
  const daysOff = new Map<string, ReadonlySet<string>>();
  for (const teamId of teamIds) {
    for (const member of (await loadTeamPlanning(teamId, now)).members)
      daysOff.set(member.id, member.holidays ?? new Set());
  }
  return daysOff;
}

/**
 * Each person whose 08:00 has come today gets one digest of the reminders
 * they are owed and have not had: approvals due tomorrow, overdue items and
 * silent ones (theirs, and the silent shared ones of tea times they organise).
 * What is owed someone away goes to whoever covers for them, and waits when nobody does.
 */
export async function queueDueDigests(now = Date.now()): Promise<number> {
  const [items, away] = await Promise.all([openFollowUpsForReminders(), timeAwayAround(now)]);
  const daysOff = await membersDaysOff(new Set(items.map((item) => item.owner!.teamId)), now);
  const owed = new Map<
    string,
    {
      recipient: Recipient & { teamId: string };
      lines: { item: ReminderItem; nudge: Nudge; coveringFor: { name: string; until: string } | null }[];
    }
  >();
  const owe = (person: Recipient & { teamId: string }, item: ReminderItem, nudges: Nudge[]) => {
    if (nudges.length === 0) return;
    const routed = reminderRecipient(person, away, now);
    if (!routed || routed.to.emailsOff) return;
    const coveringFor = routed.coveringUntil ? { name: person.name, until: routed.coveringUntil } : null;
    const entry = owed.get(routed.to.id) ?? { recipient: routed.to, lines: [] };
    for (const nudge of nudges) entry.lines.push({ item, nudge, coveringFor });
    owed.set(routed.to.id, entry);
  };
  for (const item of items) {
    const owner = item.owner!;
    const tracked = {
      ...item,
      status: "open" as const,
      kind: item.kind === "approval" ? ("approval" as const) : ("action" as const),
      lastUpdatedAt: item.lastUpdatedAt.getTime(),
    };
    const ownerClock = { timeZone: owner.timeZone, holidays: daysOff.get(owner.id) };
    owe(owner, item, nudgesOwed(tracked, owner.id, ownerClock, now));
    // The account owner (the tea time's organiser) hears when a customer-visible item goes quiet.
    const organiser = item.notePage.meeting.ritual.attendees[0]?.member;
    if (item.shared && organiser && organiser.id !== owner.id) {
      owe(
        { ...organiser, teamId: owner.teamId },
        item,
        nudgesOwed(tracked, organiser.id, ownerClock, now, { silentOnly: true }),
      );
    }
  }
  let queued = 0;
  for (const { recipient, lines } of owed.values()) {
    const language = memberLanguage(recipient);
    const t = await translatorFor(language);
    const date = digestDateDue(recipient.timeZone, now);
    // No digest on someone's day off (a public holiday, the team's day off): it waits for the next morning.
    if (date === null || daysOff.get(recipient.id)?.has(date)) continue;
    const dedupeKey = `digest|${recipient.id}|${date}`;
    if (await mailQueued(dedupeKey)) continue;
    const given = await givenNudges(lines.map((line) => line.nudge.key));
    const fresh = lines.filter((line) => !given.has(line.nudge.key));
    if (fresh.length === 0) continue;
    const team = fresh[0]!.item.notePage.meeting.ritual.team.name;
    const text = [
      t("mail.digestIntro"),
      ...fresh.map(({ item, nudge, coveringFor }) => {
        const ritual = item.notePage.meeting.ritual;
        return [
          `- ${t("mail.digestItem", {
            reason: t(`mail.reason.${nudge.reason}`),
            title: item.title,
            due: formatDate(item.dueDate, language),
            url: meetingPageUrl(ritual, item.notePage.meeting.originalStart.getTime(), env.appUrl),
          })}`,
          item.shared && ritual.customer && `  ${t("mail.digestShared", { customer: ritual.customer.name })}`,
          coveringFor &&
            `  ${t("mail.covering", { name: coveringFor.name, until: formatDate(coveringFor.until, language) })}`,
        ]
          .filter(Boolean)
          .join("\n");
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
        subject: t("mail.digestSubject", { date: formatDate(date, language) }),
        text: text + memberFooter(t, team, recipient.teamId, recipient.id),
      },
      fresh.map((line) => line.nudge.key),
      now,
    );
    if (sent) queued++;
  }
  return queued;
}

/**
 * The agenda, with what is still open from earlier meetings, to each host
 * when it is time to go early; to whoever covers for a host away that day.
 */
export async function queueDueAgendas(now = Date.now()): Promise<number> {
  const [rituals, away] = await Promise.all([ritualsWithHosts(), timeAwayAround(now)]);
  const exceptions = await listExceptionsFor(rituals.map((r) => r.id));
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
      const drafts: MailDraft[] = [];
      for (const { member } of row.attendees) {
        const routed = reminderRecipient({ ...member, teamId: ritual.teamId }, away, meeting.start);
        if (!routed || routed.to.emailsOff) continue;
        const host = routed.to;
        const language = memberLanguage(host);
        const t = await translatorFor(language);
        drafts.push({
          teamId: ritual.teamId,
          dedupeKey: `agenda|${ritual.id}|${meeting.originalStart}|${host.id}`,
          kind: "agenda" as const,
          memberId: host.id,
          toName: host.name,
          toAddress: host.email,
          subject: t("mail.agendaSubject", {
            title: ritual.title,
            time: formatTime(meeting.start, host.timeZone, language),
          }),
          text:
            [
              t("mail.agendaIntro", {
                title: ritual.title,
                time: when(meeting.start, host.timeZone, language),
                zone: host.timeZone,
              }),
              routed.coveringUntil &&
                t("mail.covering", { name: member.name, until: formatDate(routed.coveringUntil, language) }),
              agenda && `${t("mail.agendaHeading")}:\n${agenda}`,
              carried.length > 0 && `${t("mail.carriedHeading")}:\n${carried.join("\n")}`,
              t("mail.meetingPage", { url: meetingPageUrl(ritual, meeting.originalStart, env.appUrl) }),
            ]
              .filter(Boolean)
              .join("\n\n") + memberFooter(t, row.team.name, ritual.teamId, host.id),
        });
      }
      queued += await queueMail(drafts, now);
    }
  }
  return queued;
}
