import { formatDate, formatDay } from "~/i18n/format";
import { env } from "~/utils/env.server";
import { i18nServer } from "~/i18n/i18next.server";
import { queueMail, teamName } from "~/models/mail.server";
import { carriedRisksAndDeadline, loadNotePage, shareTokenOf, type MeetingRef } from "~/models/note.server";
import { getRitual, getRitualPeople } from "~/models/ritual.server";

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
    getRitualPeople(ritual.id),
    loadNotePage(ref),
    carriedRisksAndDeadline(ref, { sharedOnly: true }),
    teamName(ref.teamId),
  ]);
  const language = ritual.customer.language;
  const t = await i18nServer.getFixedT(language);
  const token = page && shareTokenOf(page);
  const pageUrl = token ? new URL(`/shared/${token}`, env.appUrl).toString() : null;
  const deadline = page?.customerDeadline ?? carried.deadline?.customerDeadline ?? null;
  const list = (heading: `mail.${"followUps" | "risks" | "questions"}Heading`, lines: string[]) =>
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
