import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, SubmitButton } from "~/components/form";
import { LinkGoneBoundary } from "~/components/link-gone";
import { PLAIN_PAGE } from "~/components/plain-page";
import { finishSignUp, signUpLinkFor } from "~/services/accounts.server";
import { invalidForm } from "~/utils/form-values.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { startUserSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Finish signing up · Rituals" }];

/** Plain HTML, like the sign-up page it follows. */
export const handle = PLAIN_PAGE;

/** Opening the link only shows the button: mail scanners that follow links make no account. */
export async function loader({ params }: LoaderFunctionArgs) {
  const person = await signUpLinkFor(params.token ?? "", Date.now());
  if (!person) throw data({ gone: true }, { status: 404 });
  return person;
}

export async function action({ params }: ActionFunctionArgs) {
  const finished = await finishSignUp(params.token ?? "", Date.now());
  if (finished.ok) return startUserSession(finished.userId, safeRedirect(finished.redirectTo, "/"));
  if (finished.reason === "gone") throw data({ gone: true }, { status: 404 });
  return invalidForm({ form: "auth.accountTaken" }, {}, { status: 409 });
}

export default function Welcome() {
  const { name, email } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t("auth.finishTitle")}</h1>
      <p>{t("auth.finishBody", { name, email })}</p>
      <Form method="post">
        <FormError reply={reply} />
        <SubmitButton>{t("auth.finishButton")}</SubmitButton>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation();
  return <LinkGoneBoundary retryPath="/sign-up" retryLabel={t("auth.signUp")} />;
}
