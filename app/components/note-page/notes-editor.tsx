import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NotePageView } from "~/views/note-page";
import { Field, FormError, SubmitButton, TextAreaField, textValue } from "~/components/form";
import { replyFor, type NoteReply } from "./parts";

const NOTE_FIELDS = ["agenda", "notes", "decisions"] as const;

/** Browsers send a textarea's line breaks as CRLF: the same text saved twice must not look like a conflict. */
const sameText = (a: string, b: string) => a.replace(/\r\n/g, "\n") === b.replace(/\r\n/g, "\n");

/** The page's text: edit and save; a save over someone else's newer one shows both instead. */
export function NotesEditor({
  view,
  reply,
  withDeadline,
}: {
  view: NotePageView;
  reply?: NoteReply;
  withDeadline: boolean;
}) {
  const { t } = useTranslation();
  const mine = replyFor(reply, "save-notes");
  const conflict = mine?.conflict;
  return (
    <section className="panel" id="edit-notes" aria-labelledby="edit-notes-title">
      <h2 id="edit-notes-title">{t("notes.editTitle")}</h2>
      {conflict ? (
        <div className="conflict" role="alert">
          <p className="flag flag-conflict">
            {conflict.savedBy
              ? t("notes.conflictBy", { name: conflict.savedBy, when: conflict.when })
              : t("notes.conflictTitle")}
          </p>
          <p>{t("notes.conflictBody")}</p>
        </div>
      ) : (
        <p className="hint">{t("notes.markdownHint")}</p>
      )}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="save-notes" />
        <input type="hidden" name="version" value={conflict ? conflict.version : view.version} />
        {NOTE_FIELDS.map((name) => (
          <div
            key={name}
            className={conflict && !sameText(conflict[name], textValue(mine, name)) ? "conflict-pair" : undefined}
          >
            {conflict && !sameText(conflict[name], textValue(mine, name)) ? (
              <div className="field">
                <label htmlFor={`theirs-${name}`}>{t("notes.theirVersion", { field: t(`notes.${name}`) })}</label>
                <textarea
                  id={`theirs-${name}`}
                  readOnly
                  value={conflict[name]}
                  rows={6}
                  data-testid={`theirs-${name}`}
                />
              </div>
            ) : null}
            <TextAreaField
              label={conflict ? t("notes.yourVersion", { field: t(`notes.${name}`) }) : t(`notes.${name}`)}
              name={name}
              rows={name === "notes" ? 10 : 5}
              defaultValue={textValue(mine, name, view.text[name])}
              error={mine?.errors[name]}
            />
          </div>
        ))}
        {withDeadline ? (
          <Field
            label={t("notes.customerDeadline")}
            name="customerDeadline"
            type="date"
            defaultValue={textValue(mine, "customerDeadline", view.text.customerDeadline)}
            error={mine?.errors.customerDeadline}
            hint={t("notes.customerDeadlineHint")}
          />
        ) : null}
        <FormError reply={mine} />
        <div className="actions">
          <SubmitButton>{conflict ? t("notes.saveMine") : t("notes.save")}</SubmitButton>
          {conflict ? <Link to=".">{t("notes.keepTheirs")}</Link> : null}
        </div>
      </Form>
    </section>
  );
}
