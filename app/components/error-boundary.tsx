import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AwaitingConfirmation } from "~/views/awaiting-confirmation";

/** One look for every failure: 404s explain themselves, anything else apologises without leaking details. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const waiting = status === 403 ? (error as { data?: Partial<AwaitingConfirmation> }).data?.waiting : undefined;
  if (waiting) {
    return (
      <section className="panel error-panel" aria-labelledby="error-title">
        <h1 id="error-title">{t("invite.waitingTitle")}</h1>
        <p role="status">{t("invite.waitingFor", waiting)}</p>
        <p>{t("invite.waitingHint")}</p>
      </section>
    );
  }
  const [title, body] = {
    400: [t("errors.unreadableTitle"), t("errors.unreadableBody")],
    403: [t("errors.forbiddenTitle"), t("errors.forbiddenBody")],
    404: [t("errors.notFoundTitle"), t("errors.notFoundBody")],
    413: [t("errors.tooLargeTitle"), t("errors.tooLargeBody")],
    503: [t("errors.unavailableTitle"), t("errors.unavailableBody")],
  }[status] ?? [t("errors.serverTitle"), t("errors.serverBody")];
  return (
    <section className="panel error-panel" aria-labelledby="error-title">
      <p className="eyebrow">{t("errors.status", { status })}</p>
      <h1 id="error-title">{title}</h1>
      <p>{body}</p>
      <p>
        <Link to="/" className="button">
          {t("errors.goHome")}
        </Link>
      </p>
    </section>
  );
}
