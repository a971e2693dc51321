import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailField } from "~/components/auth-form";
import { FormError, SubmitButton } from "~/components/form";
import { PLAIN_PAGE } from "~/components/plain-page";
import { requestPasswordReset } from "~/services/accounts.server";
import { formValues, invalidForm, readForm, throttledForm } from "~/utils/form-values.server";

export const meta: MetaFunction = () => [{ title: "Reset your password · Rituals" }];

/** Plain HTML, like the sign-in page it is reached from. */
export const handle = PLAIN_PAGE;

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await readForm(request));
  const requested = await requestPasswordReset(values, {
    clientAddress: context.clientAddress ?? "unknown",
    now: Date.now(),
  });
  if (requested.ok) return redirect("/check-mail?for=reset");
  return "wait" in requested
    ? throttledForm("auth.tooManyLinks", values, requested.wait)
    : invalidForm(requested.errors, values);
}

export default function ForgotPassword() {
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t("auth.resetRequestTitle")}</h1>
      <p className="hint">{t("auth.resetRequestHint")}</p>
      <Form method="post" noValidate>
        <EmailField reply={reply} />
        <FormError reply={reply} />
        <SubmitButton>{t("auth.sendResetLink")}</SubmitButton>
      </Form>
    </section>
  );
}
