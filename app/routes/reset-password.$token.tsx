import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPasswordField } from "~/components/auth-form";
import { FormError, SubmitButton } from "~/components/form";
import { LinkGoneBoundary } from "~/components/link-gone";
import { PLAIN_PAGE } from "~/components/plain-page";
import { resetLinkWorks, resetPassword } from "~/services/accounts.server";
import { formValues, invalidForm, readForm } from "~/utils/form-values.server";
import { startUserSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Rituals" }];

/** Plain HTML, like the other account pages. */
export const handle = PLAIN_PAGE;

export async function loader({ params }: LoaderFunctionArgs) {
  if (!(await resetLinkWorks(params.token ?? "", Date.now()))) throw data({ gone: true }, { status: 404 });
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const values = formValues(await readForm(request));
  const reset = await resetPassword(params.token ?? "", values, Date.now());
  if (reset.ok) return startUserSession(reset.value.userId, "/account?changed=1");
  if ("gone" in reset) throw data({ gone: true }, { status: 404 });
  return invalidForm(reset.errors, values);
}

export default function ResetPassword() {
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("auth.resetTitle")}</h1>
      <p className="hint">{t("auth.resetHint")}</p>
      <Form method="post" noValidate>
        <NewPasswordField reply={reply} />
        <FormError reply={reply} />
        <SubmitButton>{t("auth.setPassword")}</SubmitButton>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation();
  return <LinkGoneBoundary retryPath="/forgot-password" retryLabel={t("auth.sendResetLink")} />;
}
