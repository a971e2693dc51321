import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
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
  busyElsewhere: boolean;
}

/** A move's check: the new time for everyone, and whether it suits them all. */
export interface MoveCheck {
  start: number;
  fits: boolean;
  rows: MoveCheckView[];
}

/**
 * The new time for everyone before the move is saved. `confirmable`: the server checked it for
 * the press that asked, so "Move it anyway" may save exactly this time without asking again.
 */
function MoveCheckList({ check, confirmable }: { check: MoveCheck; confirmable: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="move-check" role={check.fits ? "status" : "alert"} data-testid="move-check">
      <p>
        <strong>{t(check.fits ? "meeting.moveCheckFits" : "meeting.moveCheckTitle")}</strong>
      </p>
      <ul className="items">
        {check.rows.map((row) => (
          <li key={row.personId}>
            {row.name}: {row.local}
            {row.hours ? (
              <span className={`flag flag-${row.hours.kind}`}>
                {t(`schedule.hours.${row.hours.kind}`, { count: row.hours.minutes })}
              </span>
            ) : row.clashesWith.length === 0 && !row.busyElsewhere ? (
              <>
                {" "}
                <span className="fits">{t("editor.insideHours")}</span>
              </>
            ) : null}
            {row.clashesWith.length > 0 ? (
              <span className="flag flag-conflict">
                {t("schedule.conflict", { titles: row.clashesWith.join(", ") })}
              </span>
            ) : null}
            {row.busyElsewhere ? (
              <span className="flag flag-busy" data-testid="busy-elsewhere">
                {t("schedule.busyElsewhere", { name: row.name })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {confirmable && !check.fits ? (
        <>
          <input type="hidden" name="confirmedStart" value={check.start} />
          <p className="hint">{t("meeting.moveCheckHint")}</p>
        </>
      ) : null}
    </div>
  );
}

/**
 * The move's check, and a button that asks for it without moving anything. With JavaScript
 * it follows the date and time as they are typed; the form's own check still guards the save.
 */
export function LiveMoveCheck({ checked }: { checked: MoveCheck | null }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ moveCheck?: MoveCheck }>();
  const { submit } = fetcher;
  const [typedSinceCheck, setTypedSinceCheck] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => setTypedSinceCheck(false), [checked]);
  useEffect(() => {
    const form = area.current?.closest("form");
    if (!form) return;
    const follow = () => {
      setTypedSinceCheck(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const typed = new FormData(form);
        typed.set("check", "yes");
        typed.delete("confirmedStart");
        submit(typed, { method: "post" });
      }, 300);
    };
    // A press of the form's own buttons checks (or moves) at once: no live check may race it.
    const pressed = () => clearTimeout(timer.current);
    form.addEventListener("input", follow);
    form.addEventListener("submit", pressed);
    return () => {
      form.removeEventListener("input", follow);
      form.removeEventListener("submit", pressed);
      clearTimeout(timer.current);
    };
  }, [submit]);
  const shown = typedSinceCheck ? (fetcher.data?.moveCheck ?? null) : checked;
  return (
    <div ref={area} aria-live="polite">
      {shown ? <MoveCheckList check={shown} confirmable={!typedSinceCheck} /> : null}
      <button type="submit" name="check" value="yes" className="button secondary check-move">
        {t("meeting.checkMove")}
      </button>
    </div>
  );
}
