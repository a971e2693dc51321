import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NotePageView, QuestionView } from "~/views/note-page";
import { Field, SelectField, SubmitButton, TextAreaField, textValue } from "~/components/form";
import {
  DeleteButton,
  ItemSection,
  ownerOptions,
  replyFor,
  SharedBox,
  SharedTag,
  Urgent,
  type ItemProps,
  type Members,
  type NoteReply,
} from "./parts";

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
