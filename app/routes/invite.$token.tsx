import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCurrentUser, requireUser } from "~/utils/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SubmitButton } from "~/components/form";
import { PersonFields } from "~/components/person-fields";
import { timeZoneOptions, weekdayOptions } from "~/views/form-options.server";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";
import { i18nServer } from "~/i18n/i18next.server";
import { acceptInvite, findUsableInvite, inviteTeamId } from "~/models/invite.server";
import { getMembership } from "~/models/team.server";

export const meta: MetaFunction = () => [{ title: "Join a team · Rituals" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invite = await findUsableInvite(params.token ?? "");
  const user = await getCurrentUser(request);
  if (!invite) {
    // Used, revoked, expired and made-up links all read the same to outsiders; a member is sent to their team.
    const teamId = user ? await inviteTeamId(params.token ?? "") : null;
    const member = teamId && user ? await getMembership(user.id, teamId) : null;
    throw data({ memberOfTeam: member ? teamId : null }, { status: 404 });
  }
  const alreadyMember = user ? (await getMembership(user.id, invite.team.id)) !== null : false;
  return {
    team: { id: invite.team.id, name: invite.team.name },
    teamTimeZone: invite.team.timeZone,
    user: user && { name: user.name },
    alreadyMember,
    path: new URL(request.url).pathname,
    zones: timeZoneOptions(),
    weekdays: weekdayOptions(await i18nServer.getLocale(request)),
  };
}

async function saveForm({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formValues(await readForm(request), ["workDays"]);
  const accepted = await acceptInvite(params.token ?? "", user, values);
  if (!accepted.ok) return invalidForm(accepted.errors, values);
  if (accepted.value.pendingAs) return { pendingAs: accepted.value.pendingAs };
  throw redirect(`/teams/${accepted.value.teamId}`);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function AcceptInvite() {
  const { team, user, alreadyMember, path, zones, weekdays } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const back = new URLSearchParams({ redirectTo: path });
  if (answer && "pendingAs" in answer) {
    return (
      <section className="panel narrow" aria-labelledby="invite-title">
        <h1 id="invite-title">{t("invite.title", { team: team.name })}</h1>
        <p role="status">{t("invite.pending", { name: answer.pendingAs })}</p>
      </section>
    );
  }
  const reply = answer;
  return (
    <section className="panel narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">{t("invite.title", { team: team.name })}</h1>
      {!user ? (
        <>
          <p>{t("invite.signInFirst")}</p>
          <p className="actions">
            <Link className="button" reloadDocument to={`/sign-up?${back}`}>
              {t("auth.signUp")}
            </Link>
            <Link className="button secondary" reloadDocument to={`/sign-in?${back}`}>
              {t("auth.signIn")}
            </Link>
          </p>
        </>
      ) : alreadyMember ? (
        <p>
          {t("invite.alreadyMember")} <Link to={`/teams/${team.id}`}>{t("invite.openTeam")}</Link>
        </p>
      ) : (
        <Form method="post" noValidate>
          <p className="muted">{t("invite.intro")}</p>
          <PersonFields reply={reply} zones={zones} weekdays={weekdays} defaults={{ name: user.name, timeZone: "" }} />
          <FormError reply={reply} />
          <SubmitButton>{t("invite.join")}</SubmitButton>
        </Form>
      )}
    </section>
  );
}

/** A link that no longer works: say so plainly, and what to do instead. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (!isRouteErrorResponse(error) || error.status !== 404) return <GeneralErrorBoundary />;
  const teamId = (error.data as { memberOfTeam?: string | null } | null)?.memberOfTeam;
  return (
    <section className="panel narrow" aria-labelledby="invite-gone-title">
      <h1 id="invite-gone-title">{t("invite.goneTitle")}</h1>
      <p>{t("invite.goneBody")}</p>
      {teamId ? (
        <p>
          {t("invite.alreadyMember")} <Link to={`/teams/${teamId}`}>{t("invite.openTeam")}</Link>
        </p>
      ) : (
        <p>
          <Link to="/">{t("invite.goHome")}</Link>
        </p>
      )}
    </section>
  );
}
