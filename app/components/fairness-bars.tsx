import { useTranslation } from "react-i18next";
import type { FairnessRow } from "~/views/fairness";

/**
 * For each person, how many of their meetings fall outside their working
 * hours: a bar (its length is the share of meetings) with the numbers beside it.
 */
export function FairnessBars({ rows, caption }: { rows: FairnessRow[]; caption: string }) {
  const { t } = useTranslation();
  const mostMinutes = Math.max(1, ...rows.map((row) => row.minutes));
  return (
    <table className="data-table tally">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("members.name")}</th>
          <th scope="col">{t("editor.tallyOutside")}</th>
          <th scope="col">{t("editor.tallyMinutes")}</th>
          <th scope="col">{t("editor.tallyNight")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.personId} data-testid="fairness-row">
            <th scope="row">{row.name}</th>
            <td>
              <span className="bar" aria-hidden="true">
                <span
                  className="bar-fill"
                  style={{ width: `${row.meetings ? (row.outside / row.meetings) * 100 : 0}%` }}
                />
              </span>
              {t("fairness.outsideOf", { outside: row.outside, meetings: row.meetings })}
            </td>
            <td>
              <span className="bar minutes" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${(row.minutes / mostMinutes) * 100}%` }} />
              </span>
              {t("fairness.minutes", { count: row.minutes })}
            </td>
            <td className={row.night > 0 ? "night-count" : undefined}>
              {t("fairness.nightOf", { night: row.night, meetings: row.meetings })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
