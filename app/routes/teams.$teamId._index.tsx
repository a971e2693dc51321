import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/auth.server";
import { formatCadence, formatLocalStart } from "~/components/ritual-format";
import { i18nServer } from "~/i18next.server";
import { listRituals } from "~/models/ritual.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const locale = await i18nServer.getLocale(request);
  const t = await i18nServer.getFixedT(request);
  const rituals = await listRituals(team.id);
  return {
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
  const { team, rituals, isOwner } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-heading">
        <h1>{t("home.title")}</h1>
        <p className="lede">{t("home.teamIntro", { team: team.name })}</p>
      </div>
      {rituals.length === 0 ? (
        <section className="panel empty-state">
          <h2>{t("home.noRitualsTitle")}</h2>
          <p>{t("home.noRitualsBody")}</p>
        </section>
      ) : (
        <ul className="ritual-list" aria-label={t("home.title")}>
          {rituals.map((ritual) => (
            <li key={ritual.id} className={`ritual-card kind-${ritual.kind}`} data-testid="ritual">
              <p className="kind-badge">{t(`kind.${ritual.kind}`)}</p>
              <h2 className="ritual-title">{ritual.title}</h2>
              {ritual.customerName ? (
                <p className="muted">{t("home.withCustomer", { customer: ritual.customerName })}</p>
              ) : null}
              <dl className="facts">
                <div>
                  <dt>{t("home.column.cadence")}</dt>
                  <dd>{ritual.cadence}</dd>
                </div>
                <div>
                  <dt>{t("home.column.time")}</dt>
                  <dd>
                    {ritual.localStart} <span className="zone">{ritual.timeZone}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t("home.column.length")}</dt>
                  <dd>{t("duration.minutes", { count: ritual.durationMinutes })}</dd>
                </div>
                <div>
                  <dt>{t("home.column.buffers")}</dt>
                  <dd>
                    {ritual.goEarlyMinutes + ritual.stayLateMinutes === 0
                      ? t("buffers.none")
                      : t("buffers.both", { early: ritual.goEarlyMinutes, late: ritual.stayLateMinutes })}
                  </dd>
                </div>
                <div>
                  <dt>{t("home.column.hosts")}</dt>
                  <dd>{ritual.hosts.map((host) => host.name).join(", ")}</dd>
                </div>
                <div>
                  <dt>{t("home.column.people")}</dt>
                  <dd>{t("home.people", { count: ritual.participantCount })}</dd>
                </div>
              </dl>
              <p className="card-actions">
                <a href={`/teams/${team.id}/rituals/${ritual.id}.ics`} download>
                  {t("home.downloadInvite")}
                  <span className="visually-hidden">: {ritual.title}</span>
                </a>
                {isOwner ? (
                  <Link to={`/teams/${team.id}/rituals/${ritual.id}/delete`} className="danger-link">
                    {t("home.deleteRitual")}
                    <span className="visually-hidden">: {ritual.title}</span>
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
