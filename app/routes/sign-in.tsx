import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCurrentUser } from "~/utils/auth.server";
import { AuthForm } from "~/components/auth-form";
import { signInSchema } from "~/domain/account";
import { PER_ADDRESS, PER_PAIR } from "~/domain/sign-in-throttle";
import { validate } from "~/domain/validation";
import { formValues, invalidForm, readForm, throttledForm } from "~/utils/form-values.server";
import { signInSucceeded, takeSignInAttempt } from "~/models/sign-in-throttle.server";
import { verifyLogin } from "~/models/user.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { startUserSession } from "~/utils/session.server";
import { knownDevice, rememberDevice } from "~/utils/device-cookie.server";
import { PLAIN_PAGE } from "~/components/plain-page";

export const meta: MetaFunction = () => [{ title: "Sign in · Rituals" }];

/** Plain HTML forms: a person's first page downloads none of the app's JavaScript. */
export const handle = PLAIN_PAGE;

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
  const address = context.clientAddress ?? "unknown";
  // A browser this account signed in on before has a budget of its own; any other pays from its address's too.
  const device = await knownDevice(request, email);
  const keys = device
    ? [{ key: `device:${device}`, rule: PER_PAIR }]
    : [
        { key: `pair:${email}|${address}`, rule: PER_PAIR },
        { key: `address:${address}`, rule: PER_ADDRESS },
      ];
  // Counted before the password is checked, so parallel guesses cannot slip past the limit.
  const wait = await takeSignInAttempt(keys);
  if (wait > 0) return throttledForm("auth.tooManyAttempts", values, wait);
  const user = await verifyLogin(email, password);
  if (!user) return invalidForm({ form: "auth.wrongPassword" }, values, { status: 401 });
  await signInSucceeded(keys);
  return startUserSession(user.id, safeRedirect(values.redirectTo as string | undefined), [
    await rememberDevice(email, device ?? undefined),
  ]);
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
      help={{ label: t("auth.forgotPassword"), path: "/forgot-password" }}
    />
  );
}
