import { Form, Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/domain/validation";
import type { FollowUpView, NotePageView, QuestionView } from "~/views/note-page";
import { CopyButton, CopyField } from "./copy-button";
import { Field, FormError, SelectField, SubmitButton, TextAreaField, textValue, type FormReply } from "./form";

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
function replyFor(reply: NoteReply | undefined, intent: string, id?: string): NoteReply | undefined {
  if (!reply || reply.values.intent !== intent) return undefined;
  return id === undefined || reply.values.id === id ? reply : undefined;
}

type Members = { id: string; name: string }[];

const priorityOptions = (t: TFunction) => [
  { value: "1", label: t("followUps.high") },
  { value: "2", label: t("followUps.normal") },
  { value: "3", label: t("followUps.low") },
];

const ownerOptions = (members: Members, nobody: string) => [
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

function Urgent({ item }: { item: { urgency: string; silentDays: number } }) {
  const { t } = useTranslation();
  if (item.urgency === "overdue") return <span className="flag flag-conflict">{t("followUps.overdue")}</span>;
  if (item.urgency === "due-today") return <span className="flag flag-dst">{t("followUps.dueToday")}</span>;
  if (item.urgency === "silent") {
    return <span className="flag flag-outside">{t("followUps.silent", { count: item.silentDays })}</span>;
  }
  return null;
}

function SharedTag({ shared }: { shared: boolean }) {
  const { t } = useTranslation();
  return <span className="tag">{shared ? t("notes.shared") : t("notes.internal")}</span>;
}

function DeleteButton({ intent, id, label }: { intent: string; id: string; label: string }) {
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

interface ItemProps<T> {
  item: T;
  reply?: NoteReply;
  /** The team's own page: forms to update the item; elsewhere (board, customer) it is read only. */
  editable: boolean;
  /** Who an item can be given to, on the team's own page. */
  members?: Members;
  children?: ReactNode;
}

export function FollowUpItem({ item, reply, editable, members = [], children }: ItemProps<FollowUpView>) {
  const { t } = useTranslation();
  const mine = replyFor(reply, "update-follow-up", item.id);
  return (
    <li className={`item urgency-${item.urgency}`} data-testid="follow-up">
      <p className="item-title">
        <strong>{item.title}</strong> <Urgent item={item} />
        {item.kind === "approval" ? <span className="tag">{t("followUps.approval")}</span> : null}
        {item.priority === 1 ? <span className="tag">{t("followUps.high")}</span> : null}
        {editable ? <SharedTag shared={item.shared} /> : null}
      </p>
      <p className="muted">
        {t("followUps.ownerDue", { owner: item.ownerName ?? t("followUps.noOwner"), due: item.due })}
        {item.status === "done" ? ` · ${t("followUps.done")}` : null}
      </p>
      {item.lastUpdate ? <p className="pre-line">{item.lastUpdate}</p> : null}
      {editable ? (
        <details className="item-edit" open={mine !== undefined}>
          <summary>
            {t("followUps.update")}
            <span className="visually-hidden">: {item.title}</span>
          </summary>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="update-follow-up" />
            <input type="hidden" name="id" value={item.id} />
            <Field
              id={`title-${item.id}`}
              label={t("followUps.what")}
              name="title"
              defaultValue={textValue(mine, "title", item.title)}
              error={mine?.errors.title}
              required
            />
            <div className="field-row">
              <SelectField
                id={`owner-${item.id}`}
                label={t("followUps.owner")}
                name="ownerId"
                defaultValue={textValue(mine, "ownerId", item.ownerId)}
                error={mine?.errors.ownerId}
                options={ownerOptions(members, t("followUps.noOwner"))}
              />
              <SelectField
                id={`priority-${item.id}`}
                label={t("followUps.priority")}
                name="priority"
                defaultValue={textValue(mine, "priority", String(item.priority))}
                options={priorityOptions(t)}
              />
            </div>
            <SelectField
              id={`status-${item.id}`}
              label={t("followUps.status")}
              name="status"
              defaultValue={textValue(mine, "status", item.status)}
              options={[
                { value: "open", label: t("followUps.open") },
                { value: "done", label: t("followUps.done") },
              ]}
            />
            <TextAreaField
              id={`lastUpdate-${item.id}`}
              label={t("followUps.lastUpdate")}
              name="lastUpdate"
              rows={2}
              defaultValue={textValue(mine, "lastUpdate", item.lastUpdate)}
              error={mine?.errors.lastUpdate}
            />
            <Field
              id={`dueDate-${item.id}`}
              label={t("followUps.dueDate")}
              name="dueDate"
              type="date"
              defaultValue={textValue(mine, "dueDate", item.dueDate)}
              error={mine?.errors.dueDate}
            />
            <SharedBox id={`shared-${item.id}`} checked={mine ? textValue(mine, "shared") === "on" : item.shared} />
            <SubmitButton className="button secondary">{t("followUps.saveUpdate")}</SubmitButton>
          </Form>
          <DeleteButton intent="delete-follow-up" id={item.id} label={item.title} />
        </details>
      ) : null}
      {children}
    </li>
  );
}

/**
 * One kind of item on the page: its list, and a form to add one that starts
 * empty again once an item is added (the form's key follows the list's length).
 */
function ItemSection({
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

export function FollowUps({ view, members, reply }: { view: NotePageView; members: Members; reply?: NoteReply }) {
  const { t } = useTranslation();
  return (
    <ItemSection
      id="follow-ups"
      title={t("followUps.title")}
      emptyText={t("followUps.none")}
      items={view.followUps.map((item) => (
        <FollowUpItem key={item.id} item={item} reply={reply} editable members={members} />
      ))}
      addLabel={t("followUps.add")}
      intent="add-follow-up"
      reply={reply}
      fields={(adding, errors) => (
        <>
          <Field
            id="new-follow-up-title"
            label={t("followUps.what")}
            name="title"
            defaultValue={textValue(adding, "title")}
            error={errors.title}
            required
          />
          <div className="field-row">
            <SelectField
              id="new-follow-up-owner"
              label={t("followUps.owner")}
              name="ownerId"
              defaultValue={textValue(adding, "ownerId")}
              error={errors.ownerId}
              options={ownerOptions(members, t("followUps.noOwner"))}
            />
            <SelectField
              id="new-follow-up-kind"
              label={t("followUps.kind")}
              name="kind"
              defaultValue={textValue(adding, "kind", "action")}
              options={[
                { value: "action", label: t("followUps.action") },
                { value: "approval", label: t("followUps.approval") },
              ]}
            />
          </div>
          <div className="field-row">
            <Field
              id="new-follow-up-due"
              label={t("followUps.dueDate")}
              name="dueDate"
              type="date"
              defaultValue={textValue(adding, "dueDate")}
              error={errors.dueDate}
              hint={t("followUps.dueHint")}
            />
            <SelectField
              id="new-follow-up-priority"
              label={t("followUps.priority")}
              name="priority"
              defaultValue={textValue(adding, "priority", "2")}
              options={priorityOptions(t)}
            />
          </div>
          <SharedBox id="new-follow-up-shared" checked={textValue(adding, "shared") === "on"} />
        </>
      )}
    />
  );
}

function SharedBox({ id, checked }: { id: string; checked: boolean }) {
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

interface RiskValues {
  risk: string;
  impact: string;
  mitigation: string;
  shared: boolean;
  resolved: boolean;
}

/** A risk's fields, for adding one or editing it. */
function RiskFields({
  id,
  reply,
  values,
  editing = false,
}: {
  id: string;
  reply?: NoteReply;
  values: RiskValues;
  editing?: boolean;
}) {
  const { t } = useTranslation();
  const errors = reply?.errors ?? {};
  return (
    <>
      <Field
        id={`${id}-risk`}
        label={t("risks.risk")}
        name="risk"
        defaultValue={textValue(reply, "risk", values.risk)}
        error={errors.risk}
        required
      />
      <TextAreaField
        id={`${id}-impact`}
        label={t("risks.impact")}
        name="impact"
        rows={2}
        defaultValue={textValue(reply, "impact", values.impact)}
        error={errors.impact}
      />
      <TextAreaField
        id={`${id}-mitigation`}
        label={t("risks.mitigation")}
        name="mitigation"
        rows={2}
        defaultValue={textValue(reply, "mitigation", values.mitigation)}
        error={errors.mitigation}
      />
      <SharedBox id={`${id}-shared`} checked={reply ? textValue(reply, "shared") === "on" : values.shared} />
      {editing ? (
        <div className="field">
          <label className="checkbox" htmlFor={`${id}-resolved`}>
            <input
              id={`${id}-resolved`}
              type="checkbox"
              name="resolved"
              defaultChecked={reply ? textValue(reply, "resolved") === "on" : values.resolved}
            />
            {t("risks.resolved")}
          </label>
        </div>
      ) : null}
    </>
  );
}

export function RiskItem({
  risk,
  editable,
  reply,
  children,
}: {
  risk: RiskValues & { id: string };
  editable: boolean;
  reply?: NoteReply;
  /** Shown under the risk, e.g. where a carried-over risk was raised. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const mine = replyFor(reply, "update-risk", risk.id);
  return (
    <li className="item" data-testid="risk">
      <p className="item-title">
        <strong>{risk.risk}</strong> {editable ? <SharedTag shared={risk.shared} /> : null}
        {risk.resolved ? <span className="tag">{t("risks.resolvedTag")}</span> : null}
      </p>
      {risk.impact ? <p>{t("risks.impactIs", { impact: risk.impact })}</p> : null}
      {risk.mitigation ? <p>{t("risks.mitigationIs", { mitigation: risk.mitigation })}</p> : null}
      {children}
      {editable ? (
        <details className="item-edit" open={mine !== undefined}>
          <summary>
            {t("notes.editItem")}
            <span className="visually-hidden">: {risk.risk}</span>
          </summary>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="update-risk" />
            <input type="hidden" name="id" value={risk.id} />
            <RiskFields id={`risk-${risk.id}`} reply={mine} values={risk} editing />
            <SubmitButton className="button secondary">{t("editor.save")}</SubmitButton>
          </Form>
          <DeleteButton intent="delete-risk" id={risk.id} label={risk.risk} />
        </details>
      ) : null}
    </li>
  );
}

export function Risks({ view, reply }: { view: NotePageView; reply?: NoteReply }) {
  const { t } = useTranslation();
  return (
    <ItemSection
      id="risks"
      title={t("risks.title")}
      hint={t("risks.hint")}
      emptyText={t("risks.none")}
      items={view.risks.map((risk) => (
        <RiskItem key={risk.id} risk={risk} editable reply={reply} />
      ))}
      addLabel={t("risks.add")}
      intent="add-risk"
      reply={reply}
      // Risks are for sharing (Show Personal Integrity): ticked unless someone unticks it.
      fields={(adding) => (
        <RiskFields
          id="new-risk"
          reply={adding}
          values={{ risk: "", impact: "", mitigation: "", shared: true, resolved: false }}
        />
      )}
    />
  );
}

interface QuestionValues {
  question: string;
  askedBy: string;
  ownerId: string;
  shared: boolean;
}

/** A parked question's fields, for parking one or editing it (who can answer it, above all). */
function QuestionFields({
  id,
  reply,
  values,
  members,
}: {
  id: string;
  reply?: NoteReply;
  values: QuestionValues;
  members: Members;
}) {
  const { t } = useTranslation();
  const errors = reply?.errors ?? {};
  return (
    <>
      <Field
        id={`${id}-question`}
        label={t("questions.question")}
        name="question"
        defaultValue={textValue(reply, "question", values.question)}
        error={errors.question}
        required
      />
      <div className="field-row">
        <Field
          id={`${id}-asked-by`}
          label={t("questions.askedBy")}
          name="askedBy"
          defaultValue={textValue(reply, "askedBy", values.askedBy)}
          error={errors.askedBy}
          required
        />
        <SelectField
          id={`${id}-owner`}
          label={t("questions.owner")}
          name="ownerId"
          defaultValue={textValue(reply, "ownerId", values.ownerId)}
          error={errors.ownerId}
          options={ownerOptions(members, t("followUps.noOwner"))}
        />
      </div>
      <SharedBox id={`${id}-shared`} checked={reply ? textValue(reply, "shared") === "on" : values.shared} />
    </>
  );
}

export function QuestionItem({ item, reply, editable, members = [], children }: ItemProps<QuestionView>) {
  const { t } = useTranslation();
  const answering = replyFor(reply, "answer-question", item.id);
  const editing = replyFor(reply, "update-question", item.id);
  return (
    <li className={`item urgency-${item.urgency}`} data-testid="question">
      <p className="item-title">
        <strong>{item.question}</strong> <Urgent item={item} /> {editable ? <SharedTag shared={item.shared} /> : null}
      </p>
      <p className="muted">
        {t("questions.askedByOwner", { askedBy: item.askedBy, owner: item.ownerName ?? t("followUps.noOwner") })}
      </p>
      {item.status === "answered" ? (
        <p className="answer">{t("questions.answerIs", { answer: item.answer })}</p>
      ) : (
        <p className="flag flag-dst">{t("questions.notYet")}</p>
      )}
      {editable && item.status === "open" ? (
        <details className="item-edit" open={answering !== undefined}>
          <summary>
            {t("questions.answer")}
            <span className="visually-hidden">: {item.question}</span>
          </summary>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="answer-question" />
            <input type="hidden" name="id" value={item.id} />
            <TextAreaField
              id={`answer-${item.id}`}
              label={t("questions.answerLabel")}
              name="answer"
              rows={3}
              defaultValue={textValue(answering, "answer")}
              error={answering?.errors.answer}
            />
            <SubmitButton className="button secondary">{t("questions.saveAnswer")}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {editable ? (
        <details className="item-edit" open={editing !== undefined}>
          <summary>
            {t("notes.editItem")}
            <span className="visually-hidden">: {item.question}</span>
          </summary>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="update-question" />
            <input type="hidden" name="id" value={item.id} />
            <QuestionFields id={`question-${item.id}`} reply={editing} values={item} members={members} />
            <SubmitButton className="button secondary">{t("editor.save")}</SubmitButton>
          </Form>
          <DeleteButton intent="delete-question" id={item.id} label={item.question} />
        </details>
      ) : null}
      {children}
    </li>
  );
}

export function Questions({ view, members, reply }: { view: NotePageView; members: Members; reply?: NoteReply }) {
  const { t } = useTranslation();
  return (
    <ItemSection
      id="questions"
      title={t("questions.title")}
      hint={t("questions.hint")}
      emptyText={t("questions.none")}
      items={view.questions.map((item) => (
        <QuestionItem key={item.id} item={item} reply={reply} editable members={members} />
      ))}
      addLabel={t("questions.add")}
      intent="add-question"
      reply={reply}
      fields={(adding) => (
        <QuestionFields
          id="new-question"
          reply={adding}
          values={{ question: "", askedBy: "", ownerId: "", shared: false }}
          members={members}
        />
      )}
    />
  );
}

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
