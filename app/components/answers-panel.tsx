import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RSVP_ANSWERS, type RsvpAnswer } from "~/domain/rsvp";
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
          <AnswerButtons pressed={answers.mine} primary={answers.mine} />
        </Form>
      ) : null}
      <FormError reply={mine} />
      <p className="hint">{t("rsvp.movedHint")}</p>
    </section>
  );
}

/** Yes / maybe / no as submit buttons of a form: the given answer pressed, `primary` the one to press. */
export function AnswerButtons({
  order = RSVP_ANSWERS,
  pressed,
  primary,
  label,
}: {
  order?: readonly RsvpAnswer[];
  pressed: RsvpAnswer | null;
  primary: RsvpAnswer | null;
  label?: (answer: RsvpAnswer) => string;
}) {
  const { t } = useTranslation();
  return order.map((answer) => (
    <button
      key={answer}
      type="submit"
      name="answer"
      value={answer}
      className={answer === primary ? "button" : "button secondary"}
      aria-pressed={answer === pressed}
    >
      {label?.(answer) ?? t(`rsvp.answer.${answer}`)}
    </button>
  ));
}
