import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";

/**
 * "3 of 5 away: Ji-woo, Sam, Lena", with a one-click cancel of that meeting
 * (the meeting page's own cancel, which mails everyone on it).
 */
export function AwayFlag({
  away,
  meetingPath,
  t,
}: {
  away: { names: string[]; of: number };
  meetingPath: string;
  t: TFunction;
}) {
  return (
    <div className="flag flag-away" data-testid="away-flag">
      <p>{t("schedule.away", { count: away.names.length, of: away.of, names: away.names.join(", ") })}</p>
      <Form method="post" action={meetingPath} className="inline-form">
        <input type="hidden" name="intent" value="cancel" />
        <button type="submit" className="button secondary">
          {t("schedule.cancelAway")}
        </button>
      </Form>
    </div>
  );
}
