import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "./error-boundary";

/** The error page of a mailed account link: a used or old link says what to do instead. */
export function LinkGoneBoundary({ retryPath, retryLabel }: { retryPath: string; retryLabel: string }) {
  const error = useRouteError();
  const { t } = useTranslation();
  if (!isRouteErrorResponse(error) || error.status !== 404) return <GeneralErrorBoundary />;
  return (
    <section className="panel narrow" aria-labelledby="link-gone-title">
      <h1 id="link-gone-title">{t("auth.linkGoneTitle")}</h1>
      <p>{t("auth.linkGoneBody")}</p>
      <p>
        <a className="button" href={retryPath}>
          {retryLabel}
        </a>{" "}
        <a className="button secondary" href="/sign-in">
          {t("auth.signIn")}
        </a>
      </p>
    </section>
  );
}
