import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCurrentUser } from "~/auth.server";
import { AuthForm } from "~/components/auth-form";
import { signInSchema } from "~/domain/account";
import { PER_ADDRESS, PER_EMAIL } from "~/domain/sign-in-throttle";
import { validate } from "~/domain/validation";
import { formValues, invalidForm, readForm } from "~/form-values.server";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from "~/models/sign-in-throttle.server";
import { verifyLogin } from "~/models/user.server";
import { safeRedirect } from "~/safe-redirect";
import { startUserSession } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Rituals" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await readForm(request));
  const parsed = validate(signInSchema, values);
  if (!parsed.success) return invalidForm(parsed.errors, values);
  const { email, password } = parsed.data;
  const keys = [
    { key: `email:${email}`, rule: PER_EMAIL },
    { key: `address:${context.clientAddress ?? "unknown"}`, rule: PER_ADDRESS },
  ];
  const wait = await signInRetryAfter(keys);
  if (wait > 0) {
    return invalidForm({ form: "auth.tooManyAttempts" }, values, {
      status: 429,
      details: { minutes: Math.ceil(wait / 60) },
    });
  }
  const user = await verifyLogin(email, password);
  if (!user) {
    await recordSignInFailure(keys);
    return invalidForm({ form: "auth.wrongPassword" }, values, { status: 401 });
  }
  await clearSignInFailures(keys[0]!.key);
  return startUserSession(user.id, safeRedirect(values.redirectTo as string | undefined));
}

export default function SignIn() {
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <AuthForm
      title={t("auth.signInTitle")}
      reply={reply}
      passwordAutoComplete="current-password"
      submitLabel={t("auth.signIn")}
      alternative={{ question: t("auth.noAccount"), label: t("auth.signUp"), path: "/sign-up" }}
    />
  );
}
