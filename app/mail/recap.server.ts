import { formatCover, formatDate, formatDay } from "~/i18n/format";
import { env } from "~/utils/env.server";
import { translatorFor } from "~/i18n/i18next.server";
import type { MailDraft } from "~/models/mail.server";
import type { carriedFromEarlier, pageOf } from "~/models/note.server";
import type { RitualRecord } from "~/models/ritual-record.server";

type NotePage = Awaited<ReturnType<typeof pageOf>>;
type Carried = Awaited<ReturnType<typeof carriedFromEarlier>>;

/**
 * After a tea time: what its shared page shows (agenda, deadline, shared
 * items, with the shared risks and the deadline carried from earlier
 * meetings), one mail per contact in the customer's language, dated on the
 * contact's clock, and who covers for a host who is away. Once per version of the page.
 */
export async function recapMails(
  { ritual, contacts, teamName }: RitualRecord,
  originalStart: number,
  page: NotePage,
  carried: Carried,
  /** The page's customer link, when it is shared. */
  shareToken: string | null,
  /** The hosts' time away the customer hears of, with who covers. */
  away: Parameters<typeof formatCover>[0][],
): Promise<MailDraft[]> {
  const language = ritual.customer?.language ?? "en";
  const t = await translatorFor(language);
  const pageUrl = shareToken ? new URL(`/shared/${shareToken}`, env.appUrl).toString() : null;
  const deadline = page?.customerDeadline ?? carried.deadline?.customerDeadline ?? null;
  const list = (heading: `mail.${"followUps" | "risks" | "questions"}Heading`, lines: string[]) =>
    lines.length > 0 && `${t(heading)}:\n${lines.map((l) => `- ${l}`).join("\n")}`;
  const body = [
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
    away.length > 0 && away.map((span) => formatCover(span, t, language)).join("\n"),
    pageUrl && t("mail.sharedPage", { url: pageUrl }),
    `-- \n${t("mail.customerFooter", { team: teamName })}`,
  ];
  return contacts.map((contact) => {
    const date = formatDay(originalStart, contact.timeZone, language);
    return {
      teamId: ritual.teamId,
      dedupeKey: `recap|${ritual.id}|${originalStart}|${page?.version ?? 0}|${contact.id}`,
      kind: "recap" as const,
      toName: contact.name,
      toAddress: contact.email,
      subject: t("mail.recapSubject", { title: ritual.title, date }),
      text: [t("mail.recapIntro", { date }), ...body].filter(Boolean).join("\n\n"),
    };
  });
}
