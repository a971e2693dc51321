import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCurrentUser } from "~/utils/auth.server";
import { listTeamsForUser } from "~/models/team.server";

export const meta: MetaFunction = () => [{ title: "Rituals" }];

/** Signed in: straight to your team (or to making one). Otherwise: what this is, and the way in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!user) return null;
  const [team] = await listTeamsForUser(user.id);
  throw redirect(team ? `/teams/${team.id}` : "/teams/new");
}

export default function Landing() {
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
