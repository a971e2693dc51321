import { useTranslation } from "react-i18next";

export interface RitualFactsView {
  cadence: string;
  localStart: string;
  timeZone: string;
  durationMinutes: number;
  goEarlyMinutes: number;
  stayLateMinutes: number;
  hosts: { id: string; name: string }[];
  participantCount: number;
}

/** How often, when, how long, the buffers and who: a ritual at a glance. */
export function RitualFacts({ ritual }: { ritual: RitualFactsView }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div>
        <dt>{t("home.column.cadence")}</dt>
        <dd>{ritual.cadence}</dd>
      </div>
      <div>
        <dt>{t("home.column.time")}</dt>
        <dd>
          {ritual.localStart} <span className="zone">{ritual.timeZone}</span>
        </dd>
      </div>
      <div>
        <dt>{t("home.column.length")}</dt>
        <dd>{t("duration.minutes", { count: ritual.durationMinutes })}</dd>
      </div>
      <div>
        <dt>{t("home.column.buffers")}</dt>
        <dd>
          {ritual.goEarlyMinutes + ritual.stayLateMinutes === 0
            ? t("buffers.none")
            : t("buffers.both", { early: ritual.goEarlyMinutes, late: ritual.stayLateMinutes })}
        </dd>
      </div>
      <div>
        <dt>{t("home.column.hosts")}</dt>
        <dd>{ritual.hosts.map((host) => host.name).join(", ")}</dd>
      </div>
      <div>
        <dt>{t("home.column.people")}</dt>
        <dd>{t("home.people", { count: ritual.participantCount })}</dd>
      </div>
    </dl>
  );
}
