import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { FairnessBars } from "~/components/fairness-bars";
import { RitualFacts } from "~/components/ritual-facts";
import { formatCadence, formatLocalStart } from "~/i18n/format";
import { TALLY_MEETINGS } from "~/domain/fairness";
import { teamFairness } from "~/views/fairness.server";
import { ritualSummary } from "~/models/planning.server";
import { planningRequest } from "~/services/planning-request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const { locale, t, planning, now } = await planningRequest(request, team.id);
  const rituals = planning.rituals
    .map((saved) => ritualSummary(planning, saved))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title));
  return {
    fairness: teamFairness(planning, now),
    team: { id: team.id, name: team.name },
    isOwner: member.role === "owner",
    // Dates and times are written on the server only: browsers' locale data differs
    // from Node's, and the page must hydrate to the same text it was served with.
    rituals: rituals.map((ritual) => ({
      ...ritual,
      cadence: formatCadence(ritual, t, locale),
      localStart: formatLocalStart(ritual, locale),
    })),
  };
}

export default function TeamRituals() {
  const { team, rituals, isOwner, fairness } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/teams/${team.id}`;
  return (
    <>
      <div className="page-heading with-action">
        <div>
          <h1>{t("home.title")}</h1>
          <p className="lede">{t("home.teamIntro", { team: team.name })}</p>
        </div>
        <Link className="button" to={`${base}/rituals/new`}>
          {t("home.newRitual")}
        </Link>
      </div>
      {rituals.length === 0 ? (
        <section className="panel empty-state">
          <h2>{t("home.noRitualsTitle")}</h2>
          <p>{t("home.noRitualsBody")}</p>
          <ol className="first-steps">
            <li>
              <Link to={`${base}/members`}>{t("home.stepMembers")}</Link>
            </li>
            <li>
              <Link to={`${base}/rituals/new?kind=check-in`}>{t("home.stepCheckIn")}</Link>
            </li>
            <li>
              <Link to={`${base}/rituals/new?kind=happy-hour`}>{t("home.stepHappyHour")}</Link>
            </li>
            <li>
              <Link to={`${base}/customers`}>{t("home.stepCustomer")}</Link>
            </li>
          </ol>
        </section>
      ) : (
        <ul className="ritual-list" aria-label={t("home.title")}>
          {rituals.map((ritual) => (
            <li key={ritual.id} className={`ritual-card kind-${ritual.kind}`} data-testid="ritual">
              <p className="kind-badge">{t(`kind.${ritual.kind}`)}</p>
              <h2 className="ritual-title">
                <Link to={`${base}/rituals/${ritual.id}`}>{ritual.title}</Link>
              </h2>
              {ritual.customerName ? (
                <p className="muted">{t("home.withCustomer", { customer: ritual.customerName })}</p>
              ) : null}
              <RitualFacts ritual={ritual} />
              <p className="card-actions">
                <Link to={`${base}/rituals/${ritual.id}/edit`}>
                  {t("home.edit")}
                  <span className="visually-hidden">: {ritual.title}</span>
                </Link>
                <a href={`${base}/rituals/${ritual.id}.ics`} download>
                  {t("home.downloadInvite")}
                  <span className="visually-hidden">: {ritual.title}</span>
                </a>
                {isOwner ? (
                  <Link to={`${base}/rituals/${ritual.id}/delete`} className="danger-link">
                    {t("home.deleteRitual")}
                    <span className="visually-hidden">: {ritual.title}</span>
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      {fairness.length > 0 ? (
        <section className="panel fairness-panel" aria-labelledby="fairness-title">
          <h2 id="fairness-title">{t("fairness.title")}</h2>
          <FairnessBars rows={fairness} caption={t("fairness.teamIntro", { count: TALLY_MEETINGS })} />
        </section>
      ) : null}
    </>
  );
}
