import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CopyButton, CopyField } from "~/components/copy-button";
import { SubmitButton } from "~/components/form";

export function SharePanel({ shareUrl, recapSentTo }: { shareUrl: string | null; recapSentTo: number | null }) {
  const { t } = useTranslation();
  return (
    <section className="panel" id="share" aria-labelledby="share-title">
      <h2 id="share-title">{t("share.title")}</h2>
      <p className="hint">{t("share.hint")}</p>
      {shareUrl ? (
        <CopyField id="share-url" label={t("share.link")} value={shareUrl}>
          <CopyButton value={shareUrl} label={t("share.copy")} />
        </CopyField>
      ) : null}
      <div className="actions">
        <Form method="post">
          <input type="hidden" name="intent" value="share" />
          <SubmitButton className="button secondary">{shareUrl ? t("share.rotate") : t("share.create")}</SubmitButton>
        </Form>
        {shareUrl ? (
          <Form method="post">
            <input type="hidden" name="intent" value="stop-sharing" />
            <button type="submit" className="link-button danger-link">
              {t("share.stop")}
            </button>
          </Form>
        ) : null}
      </div>
      <h3>{t("share.recapTitle")}</h3>
      <p className="hint">{t("share.recapHint")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="send-recap" />
        <SubmitButton className="button secondary">{t("share.recap")}</SubmitButton>
      </Form>
      {recapSentTo !== null ? (
        <p className="fits" role="status" data-testid="recap-sent">
          {recapSentTo > 0 ? t("mail.recapSent", { count: recapSentTo }) : t("mail.recapNone")}
        </p>
      ) : null}
    </section>
  );
}
