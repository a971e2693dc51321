import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FollowUpItem, QuestionItem, RenderedText, RiskItem } from "~/components/note-page";
import { formatCover, formatDay, formatTime } from "~/i18n/format";
import { hostsAway } from "~/models/days-off.server";
import { translatorFor } from "~/i18n/i18next.server";
import { coverDays } from "~/domain/days-off";
import { renderMarkdown } from "~/utils/markdown.server";
import { carriedFromEarlier, findSharedPage } from "~/models/note.server";
import { deadlineView, followUpView, questionView, riskView } from "~/views/note-page.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? data.title : "Rituals" },
  // A capability address: never indexed, never sent on as a referrer.
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

/**
 * What the customer sees of a tea time: the agenda, the deadline they gave,
 * and the items marked shared. In their language and time zone; no way into the team's pages.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const page = await findSharedPage(params.token ?? "");
  const ritual = page?.meeting.ritual;
  if (!page || !ritual?.customer) throw notFound();
  const { customer } = ritual;
  const locale = customer.language;
  const start = page.meeting.start.getTime();
  const context = { locale, now: Date.now(), teamZone: customer.timeZone };
  const carried = await carriedFromEarlier(
    { teamId: ritual.teamId, ritualId: ritual.id, originalStart: page.meeting.originalStart.getTime() },
    { sharedOnly: true },
  );
  const deadline = deadlineView(page.customerDeadline, carried.deadline, context);
  const [away, t] = await Promise.all([
    hostsAway(ritual.id, coverDays(customer.timeZone, context.now, start)),
    translatorFor(customer.language),
  ]);
  return {
    title: ritual.title,
    customer: customer.name,
    when: `${formatDay(start, customer.timeZone, locale)} ${formatTime(start, customer.timeZone, locale)} (${customer.timeZone})`,
    cancelled: page.meeting.status === "cancelled",
    covers: away.map((span) => formatCover(span, t, locale)),
    deadline: deadline.text,
    agenda: renderMarkdown(page.agenda),
    followUps: page.followUps.map((row) => followUpView(row, context)),
    questions: page.parkedQuestions.map((row) => questionView(row, context)),
    risks: [...carried.risks, ...page.risks].map((row) => riskView(row, context)),
  };
}

export default function SharedNotes() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="shared-page">
      <div className="page-heading">
        <p className="kind-badge kind-tea-time">{t("shared.forCustomer", { customer: data.customer })}</p>
        <h1>{data.title}</h1>
        <p className="lede">
          {data.when}
          {data.cancelled ? <strong className="tag">{t("schedule.status.cancelled")}</strong> : null}
        </p>
      </div>
      {data.covers.length > 0 ? (
        <section className="panel" aria-labelledby="shared-covers" data-testid="covers">
          <h2 id="shared-covers">{t("shared.awayTitle")}</h2>
          {data.covers.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </section>
      ) : null}
      {data.deadline ? (
        <p className="deadline-banner" role="note">
          {t("notes.deadlineIs", { date: data.deadline })}
        </p>
      ) : null}
      <section className="panel" aria-labelledby="shared-agenda">
        <h2 id="shared-agenda">{t("notes.agenda")}</h2>
        <RenderedText html={data.agenda} empty={t("notes.noAgenda")} />
      </section>
      <div className="two-panels">
        <section className="panel" aria-labelledby="shared-follow-ups">
          <h2 id="shared-follow-ups">{t("shared.followUps")}</h2>
          {data.followUps.length === 0 ? <p className="muted">{t("followUps.none")}</p> : null}
          <ul className="items">
            {data.followUps.map((item) => (
              <FollowUpItem key={item.id} item={item} editable={false} />
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="shared-risks">
          <h2 id="shared-risks">{t("risks.title")}</h2>
          {data.risks.length === 0 ? <p className="muted">{t("risks.none")}</p> : null}
          <ul className="items">
            {data.risks.map((risk) => (
              <RiskItem key={risk.id} risk={risk} editable={false} />
            ))}
          </ul>
        </section>
      </div>
      <section className="panel" aria-labelledby="shared-questions">
        <h2 id="shared-questions">{t("shared.questions")}</h2>
        {data.questions.length === 0 ? <p className="muted">{t("questions.none")}</p> : null}
        <ul className="items">
          {data.questions.map((item) => (
            <QuestionItem key={item.id} item={item} editable={false} />
          ))}
        </ul>
      </section>
    </article>
  );
}
