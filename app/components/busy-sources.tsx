import { Form } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { Field, type FormReply, SubmitButton, textValue } from "~/components/form";
import type { BusySourceView } from "~/views/busy-sources";

/**
 * A member's own calendars, read for busy times: each with when it was last
 * read and why the last try failed; a form to add one; a button to remove one.
 */
export function BusySources({
  sources,
  reply,
  title,
}: {
  sources: BusySourceView[];
  reply?: FormReply;
  title: string;
}) {
  const { t } = useTranslation();
  const adding = reply?.values?.intent === "add-calendar" ? reply : undefined;
  return (
    <section id="calendars" className="busy-sources" aria-labelledby="calendars-title">
      <h2 id="calendars-title">{title}</h2>
      <p className="hint">{t("busy.intro")}</p>
      {sources.length === 0 ? (
        <p className="muted">{t("busy.none")}</p>
      ) : (
        <ul className="busy-source-list">
          {sources.map((source) => (
            <li key={source.id} data-testid="busy-source">
              <strong>{source.label}</strong>
              {source.allDayBlocks ? <span className="tag">{t("busy.allDay")}</span> : null}
              <span className="muted">
                {" "}
                {source.lastRead ? t("busy.lastRead", { time: source.lastRead }) : t("busy.neverRead")}
              </span>
              {source.problem ? (
                <p className="field-error" role="status">
                  {t("busy.failed", { problem: t(source.problem as ParseKeys) })}
                </p>
              ) : null}
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove-calendar" />
                <input type="hidden" name="sourceId" value={source.id} />
                <SubmitButton className="button secondary">
                  {t("busy.remove")}
                  <span className="visually-hidden">: {source.label}</span>
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {/* A new form once a calendar is added, so the next one starts empty. */}
      <Form method="post" noValidate key={sources.length}>
        <input type="hidden" name="intent" value="add-calendar" />
        <Field
          label={t("busy.address")}
          name="address"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          defaultValue={textValue(adding, "address")}
          error={adding?.errors?.address}
          hint={t("busy.addressHint")}
        />
        <div className="field">
          <label className="checkbox" htmlFor="all-day-blocks">
            <input
              id="all-day-blocks"
              type="checkbox"
              name="allDayBlocks"
              defaultChecked={adding ? adding.values?.allDayBlocks === "on" : false}
            />
            {t("busy.allDayBlocks")}
          </label>
        </div>
        <SubmitButton className="button secondary">{t("busy.add")}</SubmitButton>
      </Form>
    </section>
  );
}
