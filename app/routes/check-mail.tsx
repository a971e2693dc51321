import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PLAIN_PAGE } from "~/components/plain-page";

export const meta: MetaFunction = () => [{ title: "Check your mail · Rituals" }];

/** Plain HTML: the page after a sign-up or a reset request. */
export const handle = PLAIN_PAGE;

/** The same page whether or not the address has an account: it tells nothing about it. */
export function loader({ request }: LoaderFunctionArgs) {
  return { reset: new URL(request.url).searchParams.get("for") === "reset" };
}

export default function CheckMail() {
  const { reset } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="check-mail-title">
      <h1 id="check-mail-title">{t("auth.checkMailTitle")}</h1>
      <p role="status">{reset ? t("auth.checkMailReset") : t("auth.checkMailSignUp")}</p>
      <p className="hint">{t("auth.checkMailHint")}</p>
    </section>
  );
}
