import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.team.name} · Rituals` : "Rituals" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  return { team: { id: team.id, name: team.name }, role: member.role };
}

export default function TeamLayout() {
  const { team } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <nav className="team-nav" aria-label={t("teams.navigation")}>
        <p className="team-name">{team.name}</p>
        <ul>
          <li>
            <NavLink to={`/teams/${team.id}`} end>
              {t("teams.rituals")}
            </NavLink>
          </li>
          <li>
            <NavLink to={`/teams/${team.id}/schedule`}>{t("teams.schedule")}</NavLink>
          </li>
          <li>
            <NavLink to={`/teams/${team.id}/follow-ups`}>{t("teams.followUps")}</NavLink>
          </li>
          <li>
            <NavLink to={`/teams/${team.id}/members`}>{t("teams.members")}</NavLink>
          </li>
          <li>
            <NavLink to={`/teams/${team.id}/days-off`}>{t("teams.daysOff")}</NavLink>
          </li>
          <li>
            <NavLink to={`/teams/${team.id}/customers`}>{t("teams.customers")}</NavLink>
          </li>
          <li>
            <NavLink to={`/teams/${team.id}/calendar`}>{t("teams.calendar")}</NavLink>
          </li>
          <li>
            <NavLink to={`/teams/${team.id}/outbox`}>{t("teams.outbox")}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
