import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormError, SubmitButton, type FormReply } from "./form";

// Pieces of one meeting's page: the panels that change this meeting, and links to where carried items came from.

/** A change to this one meeting: a panel with its explanation, its fields if any, and the button. */
export function ChangePanel({
  intent,
  title,
  hint,
  reply,
  fields,
  children: button,
}: {
  intent: "move" | "cancel" | "restore";
  title: string;
  hint: string;
  reply?: FormReply;
  fields?: (mine: FormReply | undefined) => ReactNode;
  children: { label: string; className: string };
}) {
  const mine = reply?.values.intent === intent ? reply : undefined;
  return (
    <section className="panel" id={intent} aria-labelledby={`${intent}-title`}>
      <h2 id={`${intent}-title`}>{title}</h2>
      <p className="hint">{hint}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {fields?.(mine)}
        <FormError reply={mine} />
        <SubmitButton className={button.className}>{button.label}</SubmitButton>
      </Form>
    </section>
  );
}

/** Where a carried-over item came from: a link to that meeting's page. */
export function RaisedOn({ item }: { item: { raisedIn: { meeting: string; date: string } | null } }) {
  const { t } = useTranslation();
  if (!item.raisedIn) return null;
  return (
    <p className="raised-link">
      <Link to={`../${item.raisedIn.meeting}`} relative="path">
        {t("followUps.raised", { date: item.raisedIn.date })}
      </Link>
    </p>
  );
}

/** Someone at a meeting's new time, as the move's check shows them. */
export interface MoveCheckView {
  personId: string;
  name: string;
  local: string;
  hours: { kind: "night" | "day-off" | "outside"; minutes: number } | null;
  clashesWith: string[];
}

/** Before a move that suits not everyone is saved: each person's time, and what it lands on. */
export function MoveCheckList({ rows }: { rows: MoveCheckView[] }) {
  const { t } = useTranslation();
  return (
    <div className="move-check" role="alert" data-testid="move-check">
      <p>
        <strong>{t("meeting.moveCheckTitle")}</strong>
      </p>
      <ul className="items">
        {rows.map((row) => (
          <li key={row.personId}>
            {row.name}: {row.local}
            {row.hours ? (
              <span className={`flag flag-${row.hours.kind}`}>
                {t(`schedule.hours.${row.hours.kind}`, { count: row.hours.minutes })}
              </span>
            ) : null}
            {row.clashesWith.length > 0 ? (
              <span className="flag flag-conflict">
                {t("schedule.conflict", { titles: row.clashesWith.join(", ") })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <input type="hidden" name="confirmed" value="yes" />
      <p className="hint">{t("meeting.moveCheckHint")}</p>
    </div>
  );
}
