import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { formatDay, formatTime } from "~/i18n/format";
import { env } from "~/utils/env.server";
import { i18nServer } from "~/i18n/i18next.server";
import { listMail } from "~/models/mail.server";
import { mailStatus } from "~/models/columns";

export const meta: MetaFunction = () => [{ title: "Outbox · Rituals" }];

/** Every mail for the team as it went out (owners), or the member's own; with each one's state and error. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const isOwner = member.role === "owner";
  const [mails, locale] = await Promise.all([
    listMail(team.id, { memberId: member.id, isOwner }),
    i18nServer.getLocale(request),
  ]);
  const at = (date: Date) =>
    `${formatDay(date.getTime(), member.timeZone, locale)} ${formatTime(date.getTime(), member.timeZone, locale)}`;
  return {
    teamId: team.id,
    isOwner,
    smtpConfigured: env.smtpUrl !== null,
    mails: mails.map((mail) => ({
      id: mail.id,
      kind: mail.kind,
      to: `${mail.toName} <${mail.toAddress}>`,
      subject: mail.subject,
      text: mail.text,
      status: mailStatus(mail.status),
      calendarMethod: mail.calendar ? mail.calendarMethod : null,
      at: at(mail.sentAt ?? mail.createdAt),
      attempts: mail.attempts,
      retryAt: mail.status === "queued" && mail.lastError ? at(mail.nextAttemptAt) : null,
      error: mail.lastError,
    })),
  };
}

export default function OutboxPage() {
  const { teamId, isOwner, smtpConfigured, mails } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-heading">
        <h1>{t("outbox.title")}</h1>
        <p className="lede">{isOwner ? t("outbox.intro") : t("outbox.introMember")}</p>
        {smtpConfigured ? null : <p className="hint">{t("outbox.noSmtp")}</p>}
      </div>
      {mails.length === 0 ? (
        <p className="muted">{t("outbox.empty")}</p>
      ) : (
        <ul className="outbox" aria-label={t("outbox.title")}>
          {mails.map((mail) => (
            <li key={mail.id} className="panel outbox-mail" data-testid="outbox-mail">
              <h2 className="outbox-subject">{mail.subject}</h2>
              <p className="muted">
                {t("outbox.to")}: {mail.to} · {mail.at}
                <span className={`tag outbox-${mail.status}`}>{t(`outbox.status.${mail.status}`)}</span>
              </p>
              {mail.retryAt ? (
                <p className="outbox-error">{t("outbox.retry", { attempts: mail.attempts, when: mail.retryAt })}</p>
              ) : null}
              {mail.error ? <p className="outbox-error">{t("outbox.error", { error: mail.error })}</p> : null}
              <details>
                <summary>{t("outbox.showBody")}</summary>
                <pre className="outbox-text">{mail.text}</pre>
              </details>
              {mail.calendarMethod ? (
                <a href={`/teams/${teamId}/outbox/${mail.id}.ics`} download>
                  {t("outbox.attachment", { method: mail.calendarMethod })}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
