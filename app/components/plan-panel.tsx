import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PreviewMeetingView, RitualPlan, SuggestionView } from "~/views/ritual-editor";
import { FairnessBars } from "./fairness-bars";
import { OverlapChart } from "./overlap-chart";

function Suggestion({ suggestion }: { suggestion: SuggestionView }) {
  const { t } = useTranslation();
  return (
    <li className="suggestion">
      <Link to={`?${suggestion.search}`} preventScrollReset className="suggestion-pick" data-testid="suggestion">
        {t("editor.useTime", { time: suggestion.label })}
      </Link>
      <span className={suggestion.outside.length === 0 ? "fits" : "muted"}>
        {suggestion.outside.length === 0 ? t("editor.fitsEveryone") : suggestion.outside.join(", ")}
      </span>
    </li>
  );
}

/** From this many people on, a meeting's preview lists only those it asks something of, and folds the rest. */
const COMPACT_FROM = 6;

type PreviewRow = PreviewMeetingView["rows"][number];

/** Whether the meeting asks something of this person: time outside their day, another date, a shift. */
const asksSomething = (row: PreviewRow) =>
  row.minutesOutside > 0 || row.dayOff || row.dayShift !== 0 || row.shiftMinutes !== 0 || row.busyElsewhere;

function PersonTime({ row, turnChanged }: { row: PreviewRow; turnChanged: boolean }) {
  const { t } = useTranslation();
  return (
    <li className={row.minutesOutside > 0 ? "outside" : undefined}>
      <span className="person">
        {row.name}
        {row.role === "host" ? <span className="tag">{t("editor.host")}</span> : null}
        {row.customer ? <span className="tag">{t("editor.customerTag")}</span> : null}
        <span className="zone">{row.timeZone}</span>
      </span>
      <span className="local-time">
        {row.local}
        {row.dayShift !== 0 ? (
          <span className="flag flag-day">{t(row.dayShift > 0 ? "editor.nextDay" : "editor.previousDay")}</span>
        ) : null}
      </span>
      <span className="hours-state">
        {row.minutesAtNight > 0 ? (
          <span className="flag flag-night">
            {t("editor.atNight", { count: row.minutesAtNight, time: row.localStart })}
          </span>
        ) : null}
        {row.dayOff && row.minutesAtNight === 0 ? (
          <span className="flag flag-day-off">{t("editor.onDayOff")}</span>
        ) : row.minutesOutside > 0 ? (
          <span className="flag flag-outside">{t("editor.outsideHours", { count: row.minutesOutside })}</span>
        ) : (
          <span className="fits">{t("editor.insideHours")}</span>
        )}
        {row.busyElsewhere ? (
          <span className="flag flag-busy" data-testid="busy-elsewhere">
            {t("editor.busyElsewhere", { name: row.name })}
          </span>
        ) : null}
        {row.shiftMinutes !== 0 ? (
          <span className="flag flag-dst">
            {t(`editor.${row.shiftMinutes > 0 ? "later" : "earlier"}${turnChanged ? "Turn" : "ThanBefore"}`, {
              count: Math.abs(row.shiftMinutes),
            })}
          </span>
        ) : null}
      </span>
    </li>
  );
}

/**
 * One meeting: when it is for each person, and what to watch out for. For a large team,
 * those it asks nothing of are folded away, and every meeting but the first opens on demand,
 * so the preview stays short.
 */
export function PreviewMeeting({ meeting, first = true }: { meeting: PreviewMeetingView; first?: boolean }) {
  const { t } = useTranslation();
  const compact = meeting.rows.length >= COMPACT_FROM;
  const asked = compact ? meeting.rows.filter(asksSomething) : meeting.rows;
  const folded = compact ? meeting.rows.filter((row) => !asksSomething(row)) : [];
  const times = (rows: PreviewRow[]) => (
    <ul className="people-times">
      {rows.map((row) => (
        <PersonTime key={row.personId} row={row} turnChanged={meeting.turnChanged} />
      ))}
    </ul>
  );
  const body = (
    <>
      {meeting.clockChange ? <p className="flag flag-dst">{meeting.clockChange}</p> : null}
      {meeting.adjustment ? <p className="flag flag-dst">{t(`editor.adjustment.${meeting.adjustment}`)}</p> : null}
      {asked.length > 0 ? times(asked) : null}
      {folded.length > 0 ? (
        <details className="folded-people">
          <summary>{t("editor.othersInside", { count: folded.length })}</summary>
          {times(folded)}
        </details>
      ) : null}
    </>
  );
  const outside = meeting.rows.filter((row) => row.minutesOutside > 0).length;
  return (
    <li className="preview-meeting" data-testid="preview-meeting">
      {compact ? (
        <details className="preview-fold" open={first}>
          <summary>
            <h3>{meeting.when}</h3>
            <span className={outside === 0 ? "fits" : "muted"}>
              {outside === 0 ? t("editor.fitsEveryone") : t("editor.peopleOutside", { count: outside })}
            </span>
          </summary>
          {body}
        </details>
      ) : (
        <>
          <h3>{meeting.when}</h3>
          {body}
        </>
      )}
    </li>
  );
}

/** Beside the ritual editor: times that suit everyone better first, then when it would meet for each of them. */
export function PlanPanel({
  plan,
  busy,
  onPickTime,
}: {
  plan: RitualPlan;
  busy: boolean;
  onPickTime?: (clock: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <aside className="plan-panel" aria-labelledby="suggestions-title" aria-busy={busy}>
      <section aria-labelledby="suggestions-title">
        <h2 id="suggestions-title">{t("editor.suggestionsTitle")}</h2>
        {plan.suggestions.length === 0 ? (
          <p className="muted">{t("editor.suggestionsEmpty")}</p>
        ) : (
          <>
            <p className="hint">
              {plan.suggestionsChangeDay ? t("editor.suggestionsDayHint") : t("editor.suggestionsTimeHint")}
            </p>
            <ul className="suggestions">
              {plan.suggestions.map((suggestion) => (
                <Suggestion key={suggestion.key} suggestion={suggestion} />
              ))}
            </ul>
          </>
        )}
        {plan.noRotationReason ? (
          <p className="hint" data-testid="no-rotation">
            {plan.noRotationReason}
          </p>
        ) : null}
        {plan.rotation ? (
          <div className="rotation" data-testid="rotation">
            <h3>{t("editor.rotationTitle")}</h3>
            <p className="hint">{t("editor.rotationHint", { count: plan.rotation.slots.length })}</p>
            <ol className="suggestions">
              {plan.rotation.slots.map((suggestion) => (
                <Suggestion key={suggestion.key} suggestion={suggestion} />
              ))}
            </ol>
            <p>
              <Link
                to={`?${plan.rotation.search}`}
                preventScrollReset
                className="button secondary"
                data-testid="use-rotation"
              >
                {t("editor.useRotation")}
              </Link>
            </p>
            <FairnessBars
              rows={plan.rotation.tally}
              caption={t("editor.tallyCaption", { count: plan.rotation.tally[0]?.meetings ?? 0 })}
            />
          </div>
        ) : null}
      </section>
      {plan.charts.length > 0 ? (
        <section aria-labelledby="charts-title">
          <h2 id="charts-title">{t("chart.heading")}</h2>
          {plan.charts.map((chart) => (
            <OverlapChart key={chart.title} chart={chart} onPick={onPickTime} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="preview-title" aria-live="polite">
        <h2 id="preview-title">{t("editor.previewTitle")}</h2>
        {plan.preview.length === 0 ? (
          <p className="muted">{t("editor.previewEmpty")}</p>
        ) : (
          <ol className="preview-list">
            {plan.preview.map((meeting, index) => (
              <PreviewMeeting key={meeting.key} meeting={meeting} first={index === 0} />
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}
