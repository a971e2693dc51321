import { useId, useState, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { COLUMN_MINUTES, localMinutesAt } from "~/domain/overlap-chart";
import type { OverlapChartView } from "~/views/overlap-chart";

const percent = (minutes: number) => `${(minutes / 1440) * 100}%`;
/** Positions across the bands, which start after the column of names (--label wide). */
const across = (minutes: number) => `calc(var(--label) + (100% - var(--label)) * ${minutes / 1440})`;
const acrossWidth = (minutes: number) => `calc((100% - var(--label)) * ${minutes / 1440})`;

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Where in the day (0-1440) the pointer is, read on the bands. */
function positionOf(event: MouseEvent<HTMLElement>): number {
  const band = event.currentTarget.querySelector(".chart-band");
  const box = (band ?? event.currentTarget).getBoundingClientRect();
  return Math.max(0, Math.min(1439, ((event.clientX - box.left) / box.width) * 1440));
}

/**
 * Everyone's day side by side: a band per person on their own clock, aligned on
 * the same instants, with the meeting and its buffers drawn across all of them.
 * Without scripts it is a picture with a text equivalent per row; with them,
 * pointing shows everyone's time at that moment, and `onPick` (the editor) gets
 * the clicked time on the ritual's clock.
 */
export function OverlapChart({ chart, onPick }: { chart: OverlapChartView; onPick?: (clock: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [pointer, setPointer] = useState<number | null>(null);
  const span = (from: number, to: number) => ({ left: percent(from), width: percent(to - from) });
  const overlay = (from: number, to: number) => ({ left: across(from), width: acrossWidth(to - from) });
  const pick = (event: MouseEvent<HTMLElement>) => {
    const at = Math.floor(positionOf(event) / COLUMN_MINUTES) * COLUMN_MINUTES;
    const minutes = Math.floor(localMinutesAt(chart.axis, at) / COLUMN_MINUTES) * COLUMN_MINUTES;
    onPick?.(clockText(minutes));
  };
  return (
    <figure className="overlap-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{chart.title}</figcaption>
      <div className="chart-axis" aria-hidden="true">
        {chart.axis.ticks.map((tick) => (
          <span key={tick.at} style={{ left: across(tick.at) }}>
            {tick.label}
          </span>
        ))}
      </div>
      <div
        className={onPick ? "chart-rows pickable" : "chart-rows"}
        onMouseMove={(event) => setPointer(positionOf(event))}
        onMouseLeave={() => setPointer(null)}
        onClick={onPick ? pick : undefined}
        role="presentation"
      >
        {chart.rows.map((row) => (
          <div className="chart-row" key={row.personId} data-testid="chart-row">
            <p className="chart-label">
              <span className="chart-name">
                {row.name}
                {row.role === "host" ? <span className="tag">{t("editor.host")}</span> : null}
              </span>
              <span className="zone">
                {pointer === null ? row.local : clockText(localMinutesAt(row, Math.floor(pointer)))}
              </span>
            </p>
            <div
              className={row.minutesOutside > 0 ? "chart-band outside" : "chart-band"}
              role="img"
              aria-label={row.summary}
              // Keyboard users reach each band to read that person's time (shown on focus), as pointer users do on hover.
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
              tabIndex={0}
              data-tip={row.summary}
            >
              {row.hours.map((hours) => (
                <span key={hours.from} className={`hours hours-${hours.kind}`} style={span(hours.from, hours.to)} />
              ))}
              {row.busy.map((busy) => (
                <span key={busy.from} className="chart-busy" style={span(busy.from, busy.to)} />
              ))}
              {row.dateLines.map((line) => (
                <span key={line.at} className="date-line" style={{ left: percent(line.at) }}>
                  <span className="date-label">{line.label}</span>
                </span>
              ))}
            </div>
          </div>
        ))}
        {chart.goEarly ? <span className="chart-buffer" style={overlay(chart.goEarly.from, chart.goEarly.to)} /> : null}
        {chart.stayLate ? (
          <span className="chart-buffer" style={overlay(chart.stayLate.from, chart.stayLate.to)} />
        ) : null}
        <span className="chart-meeting" style={overlay(chart.meeting.from, chart.meeting.to)} />
        {pointer !== null ? <span className="chart-pointer" style={{ left: across(pointer) }} /> : null}
      </div>
      <p className="chart-legend">
        <span className="legend legend-work">{t("chart.work")}</span>
        <span className="legend legend-off">{t("chart.off")}</span>
        <span className="legend legend-night">{t("chart.night")}</span>
        <span className="legend legend-meeting">{t("chart.meeting")}</span>
        <span className="legend legend-buffer">{t("chart.buffers")}</span>
        {chart.rows.some((row) => row.busy.length > 0) ? (
          <span className="legend legend-busy">{t("chart.busy")}</span>
        ) : null}
        {onPick ? <span className="hint">{t("chart.pickHint")}</span> : null}
      </p>
    </figure>
  );
}
