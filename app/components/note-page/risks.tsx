import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { NotePageView } from "~/views/note-page";
import { Field, SubmitButton, TextAreaField, textValue } from "~/components/form";
import { DeleteButton, ItemSection, replyFor, SharedBox, SharedTag, type NoteReply } from "./parts";

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
