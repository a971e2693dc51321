import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/utils/auth.server";
import { NewPasswordField } from "~/components/auth-form";
import { Field, FormError, SubmitButton } from "~/components/form";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";
import { changePassword } from "~/models/user.server";
import { startUserSession } from "~/utils/session.server";
import { PLAIN_PAGE } from "~/components/plain-page";

export const meta: MetaFunction = () => [{ title: "Your account · Rituals" }];

/** Plain HTML forms: a person's first page downloads none of the app's JavaScript. */
export const handle = PLAIN_PAGE;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { name: user.name, email: user.email, changed: new URL(request.url).searchParams.has("changed") };
}

/** A new password ends every session, this one too; this browser gets a new one at once. */
async function saveForm({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formValues(await readForm(request));
  const changed = await changePassword(user.id, values);
  if (!changed.ok) return invalidForm(changed.errors, {});
  return startUserSession(user.id, "/account?changed=1");
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function Account() {
  const { name, email, changed } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = reply?.errors ?? {};
  return (
    <>
      <div className="page-heading">
        <h1>{t("account.title")}</h1>
        <p className="lede">
          {name} · {email}
        </p>
      </div>
      <div className="two-panels">
        <section className="panel" aria-labelledby="password-title">
          <h2 id="password-title">{t("account.passwordTitle")}</h2>
          <p className="hint">{t("account.passwordHint")}</p>
          {changed && !reply ? (
            <p className="fits" role="status">
              {t("account.changed")}
            </p>
          ) : null}
          <Form method="post" noValidate>
            <Field
              label={t("account.currentPassword")}
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              error={errors.currentPassword}
              required
            />
            <NewPasswordField reply={reply} />
            <FormError reply={reply} />
            <SubmitButton>{t("account.changePassword")}</SubmitButton>
          </Form>
        </section>
        <section className="panel" aria-labelledby="sessions-title">
          <h2 id="sessions-title">{t("account.sessionsTitle")}</h2>
          <p className="hint">{t("account.sessionsHint")}</p>
          <Form method="post" action="/sign-out">
            <input type="hidden" name="everywhere" value="yes" />
            <SubmitButton className="button secondary">{t("account.signOutEverywhere")}</SubmitButton>
          </Form>
        </section>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
