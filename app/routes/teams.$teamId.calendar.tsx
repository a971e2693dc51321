import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { CopyButton, CopyField } from "~/components/copy-button";
import { SubmitButton } from "~/components/form";
import { i18nServer } from "~/i18n/i18next.server";
import { getFeedStatus } from "~/models/calendar-feed.server";
import { followByFeed, followByInvites } from "~/services/calendar-delivery.server";
import { listRituals } from "~/models/ritual.server";
import { readForm } from "~/utils/form-values.server";
import { env } from "~/utils/env.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const locale = await i18nServer.getLocale(request);
  const [feed, rituals] = await Promise.all([getFeedStatus(member.id), listRituals(team.id)]);
  return {
    teamId: team.id,
    feedSince: feed
      ? DateTime.fromJSDate(feed.createdAt, { zone: member.timeZone })
          .setLocale(locale)
          .toLocaleString(DateTime.DATE_MED)
      : null,
    rituals: rituals.map((r) => ({ id: r.id, title: r.title, hasCustomer: r.customerName !== null })),
  };
}

/** The member's own feed address: made (or made anew, which retires the old one) or stopped. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const intent = (await readForm(request)).get("intent");
  if (intent === "revoke") {
    await followByInvites(team.id, member.id);
    return { revoked: true as const };
  }
  if (intent !== "rotate") return data({ error: "unknown intent" }, { status: 400 });
  const token = await followByFeed(team.id, member.id);
  const url = new URL(`/feeds/${token}.ics`, env.appUrl);
  const language = await i18nServer.getLocale(request);
  if (language !== "en") url.searchParams.set("lang", language);
  return { https: url.toString(), webcal: url.toString().replace(/^https?:/, "webcal:") };
}

export default function CalendarPage() {
  const { teamId, feedSince, rituals } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const links = reply && "https" in reply ? reply : null;
  return (
    <>
      <div className="page-heading">
        <h1>{t("calendar.title")}</h1>
        <p className="lede">{t("calendar.intro")}</p>
        <p className="fits" role="status" data-testid="delivery">
          {feedSince ? t("calendar.byFeed") : t("calendar.byInvites")}
        </p>
      </div>
      <section className="panel" aria-labelledby="feed-title">
        <h2 id="feed-title">{t("calendar.feedTitle")}</h2>
        <p className="muted">{t("calendar.feedIntro")}</p>
        {links ? (
          <div className="feed-links">
            <p>
              <a className="button" href={links.webcal}>
                {t("calendar.subscribe")}
              </a>
            </p>
            <CopyField id="feed-url" label={t("calendar.feedLink")} value={links.https ?? ""}>
              <CopyButton value={links.webcal ?? ""} label={t("calendar.copyWebcal")} />
              <CopyButton value={links.https ?? ""} label={t("calendar.copyHttps")} />
            </CopyField>
          </div>
        ) : feedSince ? (
          <p>{t("calendar.feedActive", { date: feedSince })}</p>
        ) : null}
        <div className="actions">
          <Form method="post">
            <input type="hidden" name="intent" value="rotate" />
            <SubmitButton className={feedSince ? "button secondary" : "button"}>
              {feedSince ? t("calendar.rotate") : t("calendar.create")}
            </SubmitButton>
          </Form>
          {feedSince ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <button type="submit" className="link-button danger-link">
                {t("calendar.revoke")}
              </button>
            </Form>
          ) : null}
        </div>
      </section>
      <section className="panel" aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t("calendar.downloadsTitle")}</h2>
        <p className="muted">{t("calendar.downloadsHint")}</p>
        {rituals.length === 0 ? (
          <p className="muted">{t("home.noRitualsBody")}</p>
        ) : (
          <ul className="plain-list">
            {rituals.map((ritual) => (
              <li key={ritual.id}>
                <a href={`/teams/${teamId}/rituals/${ritual.id}.ics`} download>
                  {t("calendar.downloadInvite", { title: ritual.title })}
                </a>
                {ritual.hasCustomer ? (
                  <>
                    {" · "}
                    <a href={`/teams/${teamId}/rituals/${ritual.id}/customer.ics`} download>
                      {t("calendar.downloadCustomerInvite")}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
