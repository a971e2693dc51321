import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCurrentUser } from "~/utils/auth.server";
import { claimsOfUser, listTeamsForUser } from "~/models/team.server";

export const meta: MetaFunction = () => [{ title: "Rituals" }];

/**
 * Signed in: straight to your team (or to making one), unless an owner has yet to
 * confirm you somewhere: then where you wait. Otherwise: what this is, and the way in.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!user) return null;
  const [teams, claims] = await Promise.all([listTeamsForUser(user.id), claimsOfUser(user.id)]);
  if (claims.length === 0) throw redirect(teams[0] ? `/teams/${teams[0].id}` : "/teams/new");
  return { teams, waiting: claims.map((claim) => ({ team: claim.team.name, member: claim.name })) };
}

type Waiting = NonNullable<Awaited<ReturnType<typeof loader>>>;

export default function Home() {
  const home = useLoaderData<typeof loader>();
  return home ? <WaitingForOwners {...home} /> : <Landing />;
}

/** Where someone stands while an owner has yet to confirm them, and what they can do meanwhile. */
function WaitingForOwners({ teams, waiting }: Waiting) {
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="waiting-title">
      <h1 id="waiting-title">{t("invite.waitingTitle")}</h1>
      <ul className="plain-list" role="status">
        {waiting.map((claim) => (
          <li key={claim.team}>{t("invite.waitingFor", claim)}</li>
        ))}
      </ul>
      <p className="hint">{t("invite.waitingHint")}</p>
      <p className="actions">
        {teams.map((team) => (
          <Link key={team.id} className="button secondary" to={`/teams/${team.id}`}>
            {t("invite.openNamedTeam", { team: team.name })}
          </Link>
        ))}
        <Link className="button secondary" to="/teams/new">
          {t("teams.newTitle")}
        </Link>
      </p>
    </section>
  );
}

function Landing() {
  const { t } = useTranslation();
  return (
    <section className="landing">
      <h1>{t("landing.title")}</h1>
      <p className="lede">{t("app.tagline")}</p>
      <ul className="practice-list">
        <li>{t("landing.checkIn")}</li>
        <li>{t("landing.happyHour")}</li>
        <li>{t("landing.teaTime")}</li>
        <li>{t("landing.buffers")}</li>
      </ul>
      <p className="actions">
        <Link className="button" reloadDocument to="/sign-up">
          {t("auth.signUp")}
        </Link>
        <Link className="button secondary" reloadDocument to="/sign-in">
          {t("auth.signIn")}
        </Link>
      </p>
    </section>
  );
}
