import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RSVP_ANSWERS } from "~/domain/rsvp";
import type { MeetingAnswers } from "~/views/meeting-answers";
import { FormError, type FormReply } from "./form";

const GROUPS = [...RSVP_ANSWERS, "none"] as const;

/** Who said they are coming to this meeting, and the viewer's own answer. */
export function AnswersPanel({ answers, reply }: { answers: MeetingAnswers; reply?: FormReply }) {
  const { t } = useTranslation();
  const counts = Object.fromEntries(GROUPS.map((group) => [group, answers.groups[group].length]));
  const mine = reply?.values.intent === "rsvp" ? reply : undefined;
  return (
    <section className="panel" id="rsvp" aria-labelledby="rsvp-title">
      <h2 id="rsvp-title">{t("rsvp.heading")}</h2>
      <p data-testid="rsvp-counts">{t("rsvp.counts", counts)}</p>
      <dl className="answers" data-testid="rsvp-groups">
        {GROUPS.filter((group) => answers.groups[group].length > 0).map((group) => (
          <div key={group}>
            <dt>{t(`rsvp.group.${group}`)}</dt>
            <dd>{answers.groups[group].map((person) => person.name).join(", ")}</dd>
          </div>
        ))}
      </dl>
      {answers.invited && answers.open ? (
        <Form method="post" className="actions" aria-label={t("rsvp.yours")}>
          <input type="hidden" name="intent" value="rsvp" />
          <span>{t("rsvp.yours")}:</span>
          {RSVP_ANSWERS.map((answer) => (
            <button
              key={answer}
              type="submit"
              name="answer"
              value={answer}
              className={answer === answers.mine ? "button" : "button secondary"}
              aria-pressed={answer === answers.mine}
            >
              {t(`rsvp.answer.${answer}`)}
            </button>
          ))}
        </Form>
      ) : null}
      <FormError reply={mine} />
      <p className="hint">{t("rsvp.movedHint")}</p>
    </section>
  );
}
