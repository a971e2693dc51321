import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCurrentUser } from "~/utils/auth.server";
import { AuthForm } from "~/components/auth-form";
import { Field, textValue } from "~/components/form";
import { MIN_PASSWORD_LENGTH } from "~/domain/password-rules";
import { formValues, invalidForm, readForm, throttledForm } from "~/utils/form-values.server";
import { DEFAULT_LANGUAGE, isLanguage } from "~/domain/languages";
import { requestSignUp } from "~/services/accounts.server";
import { i18nServer } from "~/i18n/i18next.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { PLAIN_PAGE } from "~/components/plain-page";

export const meta: MetaFunction = () => [{ title: "Sign up · Rituals" }];

/** Plain HTML forms: a person's first page downloads none of the app's JavaScript. */
export const handle = PLAIN_PAGE;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await readForm(request));
  // The language the page was read in is the one their mail is written in.
  const language = await i18nServer.getLocale(request);
  const redirectTo = safeRedirect(values.redirectTo as string | undefined, "/");
  const requested = await requestSignUp(values, {
    clientAddress: context.clientAddress ?? "unknown",
    language: isLanguage(language) ? language : DEFAULT_LANGUAGE,
    redirectTo,
    now: Date.now(),
  });
  if (requested.ok) return redirect("/check-mail");
  return "wait" in requested
    ? throttledForm("auth.tooManyLinks", values, requested.wait)
    : invalidForm(requested.errors, values);
}

export default function SignUp() {
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <AuthForm
      title={t("auth.signUpTitle")}
      reply={reply}
      passwordAutoComplete="new-password"
      passwordHint={t("auth.passwordHint", { count: MIN_PASSWORD_LENGTH })}
      submitLabel={t("auth.createAccount")}
      alternative={{ question: t("auth.haveAccount"), label: t("auth.signIn"), path: "/sign-in" }}
    >
      <Field
        label={t("auth.name")}
        name="name"
        autoComplete="name"
        defaultValue={textValue(reply, "name")}
        error={reply?.errors.name}
        required
      />
    </AuthForm>
  );
}
