import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, type FormReply, RemoveButton, SelectField, SubmitButton, textValue } from "~/components/form";

export interface TimeAwayView {
  id: string;
  /** The span on the member's calendar, in the viewer's language. */
  when: string;
  delegate: string | null;
  message: string;
}

/**
 * A member's time away on their profile: each span with who covers and what
 * the customer is told, a button to remove one, and a form to add one.
 */
export function TimeAway({
  spans,
  teammates,
  reply,
  title,
}: {
  spans: TimeAwayView[];
  teammates: { id: string; name: string }[];
  reply?: FormReply;
  title: string;
}) {
  const { t } = useTranslation();
  const adding = reply?.values?.intent === "add-away" ? reply : undefined;
  return (
    <section id="away" className="time-away" aria-labelledby="away-title">
      <h2 id="away-title">{title}</h2>
      <p className="hint">{t("away.intro")}</p>
      {spans.length === 0 ? (
        <p className="muted">{t("away.none")}</p>
      ) : (
        <ul className="busy-source-list">
          {spans.map((span) => (
            <li key={span.id} data-testid="time-away">
              <strong>{span.when}</strong>{" "}
              <span className="muted">
                {span.delegate ? t("away.coveredBy", { name: span.delegate }) : t("away.nobodyCovers")}
              </span>
              {span.message ? <p className="pre-line">{span.message}</p> : null}
              <RemoveButton
                intent="remove-away"
                idName="awayId"
                id={span.id}
                label={t("away.remove")}
                what={span.when}
              />
            </li>
          ))}
        </ul>
      )}
      <Form method="post" noValidate key={spans.length}>
        <input type="hidden" name="intent" value="add-away" />
        <div className="field-row">
          <Field
            label={t("away.firstDay")}
            name="firstDay"
            id="away-first-day"
            type="date"
            defaultValue={textValue(adding, "firstDay")}
            error={adding?.errors?.firstDay}
          />
          <Field
            label={t("away.lastDay")}
            name="lastDay"
            id="away-last-day"
            type="date"
            defaultValue={textValue(adding, "lastDay")}
            error={adding?.errors?.lastDay}
          />
        </div>
        <SelectField
          label={t("away.delegate")}
          name="delegateId"
          id="away-delegate"
          hint={t("away.delegateHint")}
          options={[{ value: "", label: t("away.nobody") }, ...teammates.map((m) => ({ value: m.id, label: m.name }))]}
          defaultValue={textValue(adding, "delegateId")}
          error={adding?.errors?.delegateId}
        />
        <Field
          label={t("away.message")}
          name="message"
          id="away-message"
          maxLength={300}
          hint={t("away.messageHint")}
          defaultValue={textValue(adding, "message")}
          error={adding?.errors?.message}
        />
        <SubmitButton className="button secondary">{t("away.add")}</SubmitButton>
      </Form>
    </section>
  );
}
