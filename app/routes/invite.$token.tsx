import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCurrentUser, requireUser } from "~/utils/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SubmitButton } from "~/components/form";
import { PersonFields } from "~/components/person-fields";
import { timeZoneDatalist, weekdayOptions } from "~/views/form-options.server";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";
import { i18nServer } from "~/i18n/i18next.server";
import { findUsableInvite, inviteStateFor, type InviteState } from "~/models/invite.server";
import { joinTeam } from "~/services/joining.server";

export const meta: MetaFunction = () => [{ title: "Join a team · Rituals" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const invite = await findUsableInvite(token);
  const user = await getCurrentUser(request);
  // Used, revoked, expired and made-up links all read the same to outsiders; whoever used one learns where they stand.
  const standing: InviteState = user ? await inviteStateFor(token, user.id) : { state: "gone" };
  if (!invite || standing.state === "waiting") {
    throw data(standing, { status: standing.state === "gone" ? 404 : 409 });
  }
  return {
    team: { id: invite.team.id, name: invite.team.name },
    teamTimeZone: invite.team.timeZone,
    user: user && { name: user.name },
    alreadyMember: standing.state === "member",
    path: new URL(request.url).pathname,
    zones: timeZoneDatalist(),
    weekdays: weekdayOptions(await i18nServer.getLocale(request)),
  };
}

async function saveForm({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formValues(await readForm(request), ["workDays"]);
  const accepted = await joinTeam(params.token ?? "", user, values);
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
        <p className="hint">{t("invite.waitingHint")}</p>
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

/** A link that no longer works: say where the person stands, or what to do instead. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (!isRouteErrorResponse(error) || (error.status !== 404 && error.status !== 409)) return <GeneralErrorBoundary />;
  const used = (error.data ?? { state: "gone" }) as InviteState;
  if (used.state === "waiting") {
    return (
      <section className="panel narrow" aria-labelledby="invite-gone-title">
        <h1 id="invite-gone-title">{t("invite.waitingTitle")}</h1>
        <p role="status">{t("invite.waitingFor", { team: used.teamName, member: used.memberName })}</p>
        <p className="hint">{t("invite.waitingHint")}</p>
      </section>
    );
  }
  return (
    <section className="panel narrow" aria-labelledby="invite-gone-title">
      <h1 id="invite-gone-title">{t(used.state === "member" ? "invite.usedTitle" : "invite.goneTitle")}</h1>
      {used.state === "member" ? (
        <p>
          {t("invite.alreadyMember")} <Link to={`/teams/${used.teamId}`}>{t("invite.openTeam")}</Link>
        </p>
      ) : (
        <>
          <p>{t("invite.goneBody")}</p>
          <p>
            <Link to="/">{t("invite.goHome")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
