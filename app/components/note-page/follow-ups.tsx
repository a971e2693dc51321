import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FollowUpView, NotePageView } from "~/views/note-page";
import { Field, SelectField, SubmitButton, TextAreaField, textValue } from "~/components/form";
import {
  DeleteButton,
  ItemSection,
  ownerOptions,
  priorityOptions,
  replyFor,
  SharedBox,
  SharedTag,
  Urgent,
  type ItemProps,
  type Members,
  type NoteReply,
} from "./parts";

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
