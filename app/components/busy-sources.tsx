import { Form } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { Field, type FormReply, RemoveButton, SubmitButton, textValue } from "~/components/form";
import type { BusySourceView } from "~/views/busy-sources";

/** Whether a new source's all-day events block whole days: off until chosen, as typed after a refusal. */
function AllDayChoice({ id, reply }: { id: string; reply?: FormReply }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" name="allDayBlocks" defaultChecked={reply?.values?.allDayBlocks === "on"} />
        {t("busy.allDayBlocks")}
      </label>
    </div>
  );
}

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
  const addingDav = reply?.values?.intent === "add-caldav" ? reply : undefined;
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
              <RemoveButton
                intent="remove-calendar"
                idName="sourceId"
                id={source.id}
                label={t("busy.remove")}
                what={source.label}
              />
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
        <AllDayChoice id="all-day-blocks" reply={adding} />
        <SubmitButton className="button secondary">{t("busy.add")}</SubmitButton>
      </Form>
      <Form method="post" noValidate key={`caldav-${sources.length}`} className="caldav-form">
        <h3>{t("busy.caldavTitle")}</h3>
        <p className="hint">{t("busy.caldavIntro")}</p>
        <input type="hidden" name="intent" value="add-caldav" />
        <Field
          label={t("busy.caldavAddress")}
          name="address"
          id="caldav-address"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          defaultValue={textValue(addingDav, "address")}
          error={addingDav?.errors?.address}
        />
        <div className="field-row">
          <Field
            label={t("busy.username")}
            name="username"
            id="caldav-username"
            autoComplete="off"
            spellCheck={false}
            defaultValue={textValue(addingDav, "username")}
            error={addingDav?.errors?.username}
          />
          <Field
            label={t("busy.password")}
            name="password"
            id="caldav-password"
            type="password"
            autoComplete="new-password"
            hint={t("busy.passwordHint")}
          />
        </div>
        <AllDayChoice id="caldav-all-day-blocks" reply={addingDav} />
        <SubmitButton className="button secondary">{t("busy.addCaldav")}</SubmitButton>
      </Form>
    </section>
  );
}
