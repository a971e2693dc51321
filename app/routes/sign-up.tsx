import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCurrentUser } from "~/utils/auth.server";
import { AuthForm } from "~/components/auth-form";
import { Field, textValue } from "~/components/form";
import { MIN_PASSWORD_LENGTH } from "~/domain/password-rules";
import { formValues, invalidForm, readForm } from "~/utils/form-values.server";
import { createUser } from "~/models/user.server";
import { isLanguage } from "~/domain/languages";
import { i18nServer } from "~/i18n/i18next.server";
import { SIGN_UPS_PER_ADDRESS } from "~/domain/sign-in-throttle";
import { takeSignInAttempt } from "~/models/sign-in-throttle.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { startUserSession } from "~/utils/session.server";
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
  // Each try tells whether an address has an account: a few per address, then waits.
  const wait = await takeSignInAttempt([
    { key: `sign-up:${context.clientAddress ?? "unknown"}`, rule: SIGN_UPS_PER_ADDRESS },
  ]);
  if (wait > 0) {
    return invalidForm({ form: "auth.tooManySignUps" }, values, {
      status: 429,
      details: { count: Math.ceil(wait / 60) },
    });
  }
  // The language the page was read in is the one their mail starts in.
  const language = await i18nServer.getLocale(request);
  const created = await createUser(values, undefined, { language: isLanguage(language) ? language : undefined });
  if (!created.ok) return invalidForm(created.errors, values);
  return startUserSession(created.value.id, safeRedirect(values.redirectTo as string | undefined, "/teams/new"));
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
