// What the note page's sections share: replies, options, tags, and the item list with its add form.
import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/domain/validation";
import { FormError, SubmitButton, type FormReply } from "~/components/form";

export interface NoteReply extends FormReply {
  conflict?: {
    agenda: string;
    notes: string;
    decisions: string;
    customerDeadline?: string;
    version: number;
    /** Who saved first (empty when unknown), and when, on the reader's clock. */
    savedBy: string;
    when: string;
  };
}

/** The reply for one form of the page: errors and typed values come back to the form that sent them. */
export function replyFor(reply: NoteReply | undefined, intent: string, id?: string): NoteReply | undefined {
  if (!reply || reply.values.intent !== intent) return undefined;
  return id === undefined || reply.values.id === id ? reply : undefined;
}

export type Members = { id: string; name: string }[];

export const priorityOptions = (t: TFunction) => [
  { value: "1", label: t("followUps.high") },
  { value: "2", label: t("followUps.normal") },
  { value: "3", label: t("followUps.low") },
];

export const ownerOptions = (members: Members, nobody: string) => [
  { value: "", label: nobody },
  ...members.map((member) => ({ value: member.id, label: member.name })),
];

/** Rendered Markdown from the server (already sanitised there). */
export function RenderedText({ html, empty }: { html: string; empty: string }) {
  return html ? (
    <div className="rendered-note" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <p className="muted">{empty}</p>
  );
}

export function Urgent({ item }: { item: { urgency: string; silentDays: number } }) {
  const { t } = useTranslation();
  if (item.urgency === "overdue") return <span className="flag flag-conflict">{t("followUps.overdue")}</span>;
  if (item.urgency === "due-today") return <span className="flag flag-dst">{t("followUps.dueToday")}</span>;
  if (item.urgency === "silent") {
    return <span className="flag flag-outside">{t("followUps.silent", { count: item.silentDays })}</span>;
  }
  return null;
}

export function SharedTag({ shared }: { shared: boolean }) {
  const { t } = useTranslation();
  return <span className="tag">{shared ? t("notes.shared") : t("notes.internal")}</span>;
}

export function DeleteButton({ intent, id, label }: { intent: string; id: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="link-button danger-link">
        {t("notes.delete")}
        <span className="visually-hidden">: {label}</span>
      </button>
    </Form>
  );
}

export interface ItemProps<T> {
  item: T;
  reply?: NoteReply;
  /** The team's own page: forms to update the item; elsewhere (board, customer) it is read only. */
  editable: boolean;
  /** Who an item can be given to, on the team's own page. */
  members?: Members;
  children?: ReactNode;
}

/**
 * One kind of item on the page: its list, and a form to add one that starts
 * empty again once an item is added (the form's key follows the list's length).
 */
export function ItemSection({
  id,
  title,
  hint,
  emptyText,
  items,
  addLabel,
  intent,
  reply,
  fields,
}: {
  id: string;
  title: string;
  hint?: string;
  emptyText: string;
  items: ReactNode[];
  addLabel: string;
  intent: string;
  reply?: NoteReply;
  fields: (adding: NoteReply | undefined, errors: FieldErrors) => ReactNode;
}) {
  const adding = replyFor(reply, intent);
  return (
    <section className="panel" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {hint ? <p className="hint">{hint}</p> : null}
      {items.length === 0 ? <p className="muted">{emptyText}</p> : null}
      <ul className="items">{items}</ul>
      <details className="add-item" open={adding !== undefined}>
        <summary>{addLabel}</summary>
        <Form method="post" noValidate key={items.length}>
          <input type="hidden" name="intent" value={intent} />
          {fields(adding, adding?.errors ?? {})}
          <FormError reply={adding} />
          <SubmitButton className="button secondary">{addLabel}</SubmitButton>
        </Form>
      </details>
    </section>
  );
}

export function SharedBox({ id, checked }: { id: string; checked: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" name="shared" defaultChecked={checked} />
        {t("notes.shareWithCustomer")}
      </label>
    </div>
  );
}
