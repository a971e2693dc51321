import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { planningRequest } from "~/services/planning-request.server";
import { Field, SelectField } from "~/components/form";
import { useInAppLinks } from "~/components/in-app-links";
import { timeZoneDatalist } from "~/views/form-options.server";
import { buildSchedule, scheduleQuery, type ScheduleItemView } from "~/views/schedule.server";
import { FieldError } from "~/components/form";
import { busyElsewhere } from "~/models/busy-source.server";
import { DAY } from "~/domain/durations";
import { AwayFlag } from "~/components/away-flag";
import { ZoneDatalist } from "~/components/zone-datalist";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.schedule.title} · Rituals` : "Rituals" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const { locale, t, planning, now } = await planningRequest(request, team.id);
  const query = scheduleQuery(request);
  // The week shown, in any zone, lies within nine days of the date asked for (or of now).
  const around = Date.parse(query.week ?? "") || now;
  const elsewhere = await busyElsewhere(
    planning.members.map((m) => m.id),
    { from: around - 9 * DAY, to: around + 9 * DAY },
  );
  const schedule = buildSchedule(
    planning,
    query,
    { memberId: member.id, timeZone: member.timeZone },
    { locale, t, now, elsewhere },
  );
  return { teamId: team.id, schedule, zones: timeZoneDatalist(), hasRituals: planning.rituals.length > 0 };
}

/** The words every meeting's entry repeats, translated once for the page (a busy week has dozens of entries). */
function entryWords(t: TFunction, memberName: string) {
  return {
    busyElsewhere: t("schedule.busyElsewhere", { name: memberName }),
    actions: t("schedule.actions"),
    openMeeting: t("schedule.openMeeting"),
    downloadInvite: t("schedule.downloadInvite"),
    restore: t("meeting.restore"),
    move: t("schedule.move"),
    cancel: t("schedule.cancel"),
    editSeries: t("schedule.editSeries"),
    host: t("editor.host"),
    adjusted: t("schedule.adjusted"),
  };
}

function MeetingItem({
  teamId,
  item,
  t,
  words,
}: {
  teamId: string;
  item: ScheduleItemView;
  t: TFunction;
  words: ReturnType<typeof entryWords>;
}) {
  const meetingPath = `/teams/${teamId}/rituals/${item.ritualId}/meetings/${item.meeting}`;
  const classes = [
    "week-item",
    `kind-${item.kind}`,
    `status-${item.status}`,
    item.conflicts.length > 0 ? "has-conflict" : "",
  ].join(" ");
  return (
    <li className={classes} data-testid="week-item">
      {item.goEarly ? <p className="buffer buffer-early">{t("schedule.goEarlyFrom", { time: item.goEarly })}</p> : null}
      <div className="week-item-body">
        <p className="week-item-time">{item.time}</p>
        <h3 className="week-item-title">
          <a href={meetingPath}>{item.title}</a>
        </h3>
        {item.status !== "scheduled" ? <p className="tag">{t(`schedule.status.${item.status}`)}</p> : null}
        {item.role === "host" ? <p className="tag">{words.host}</p> : null}
        {item.adjusted ? <p className="flag flag-dst">{words.adjusted}</p> : null}
        {item.hours ? (
          <p className={`flag flag-hours flag-${item.hours.kind}`} data-testid="hours-mark">
            {t(`schedule.hours.${item.hours.kind}`, { count: item.hours.minutes })}
          </p>
        ) : null}
        {item.busyElsewhere ? (
          <p className="flag flag-busy" data-testid="busy-elsewhere">
            {words.busyElsewhere}
          </p>
        ) : null}
        {item.away.names.length > 0 ? <AwayFlag away={item.away} meetingPath={meetingPath} t={t} /> : null}
        {item.conflicts.length > 0 ? (
          <p className="flag flag-conflict">{t("schedule.conflict", { titles: item.conflicts.join(", ") })}</p>
        ) : null}
        <details className="week-item-actions">
          <summary>
            {words.actions}
            <span className="visually-hidden">
              : {item.title}, {item.time}
            </span>
          </summary>
          <ul>
            <li>
              <a href={meetingPath}>{words.openMeeting}</a>
            </li>
            <li>
              <a href={`${meetingPath}.ics`} download>
                {words.downloadInvite}
              </a>
            </li>
            {item.status === "scheduled" ? null : (
              <li>
                <a href={`${meetingPath}#restore`}>{words.restore}</a>
              </li>
            )}
            {item.status === "cancelled" ? null : (
              <>
                <li>
                  <a href={`${meetingPath}#move`}>{words.move}</a>
                </li>
                <li>
                  <a href={`${meetingPath}#cancel`}>{words.cancel}</a>
                </li>
              </>
            )}
            <li>
              <a href={`/teams/${teamId}/rituals/${item.ritualId}/edit`}>{words.editSeries}</a>
            </li>
          </ul>
        </details>
      </div>
      {item.stayLate ? (
        <p className="buffer buffer-late">{t("schedule.stayLateUntil", { time: item.stayLate })}</p>
      ) : null}
    </li>
  );
}

export default function Schedule() {
  const { teamId, schedule, zones, hasRituals } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const words = useMemo(() => entryWords(t, schedule.member?.name ?? ""), [t, schedule.member?.name]);
  const weekGrid = useRef<HTMLOListElement>(null);
  useInAppLinks(weekGrid);
  const navigation = useNavigation();
  const who: Record<string, string> = schedule.member ? { member: schedule.member.id } : { zone: schedule.timeZone };
  const weekLink = (week: string) => `?${new URLSearchParams({ ...who, week })}`;
  return (
    <>
      <div className="page-heading">
        <h1>{schedule.title}</h1>
        <p className="lede">{t("schedule.intro", { zone: schedule.timeZone })}</p>
      </div>
      <Form method="get" className="schedule-controls panel">
        <input type="hidden" name="week" value={schedule.weekStart} />
        <SelectField
          label={t("schedule.whose")}
          name="member"
          defaultValue={schedule.member?.id ?? ""}
          options={schedule.members.map((m) => ({ value: m.id, label: m.name }))}
        />
        <Field
          label={t("schedule.orZone")}
          name="zone"
          list="schedule-zones"
          defaultValue={schedule.zone ?? ""}
          error={schedule.errors.zone}
          hint={t("schedule.zoneHint")}
          autoComplete="off"
          spellCheck={false}
        />
        <ZoneDatalist id="schedule-zones" zones={zones} />
        <button type="submit" className="button secondary">
          {t("schedule.show")}
        </button>
      </Form>
      <nav className="week-nav" aria-label={t("schedule.weeks")}>
        <Link to={weekLink(schedule.previousWeek)} preventScrollReset>
          ← {t("schedule.previousWeek")}
        </Link>
        <p className="week-label" aria-live="polite" aria-busy={navigation.state === "loading"}>
          {schedule.weekLabel}
        </p>
        <Link to={weekLink(schedule.thisWeek)} preventScrollReset>
          {t("schedule.today")}
        </Link>
        <Link to={weekLink(schedule.nextWeek)} preventScrollReset>
          {t("schedule.nextWeek")} →
        </Link>
      </nav>
      <FieldError id="week-error" error={schedule.errors.week} />
      {!hasRituals ? (
        <section className="panel empty-state">
          <h2>{t("home.noRitualsTitle")}</h2>
          <p>{t("home.noRitualsBody")}</p>
          <Link className="button" to={`/teams/${teamId}/rituals/new`}>
            {t("home.newRitual")}
          </Link>
        </section>
      ) : schedule.empty ? (
        <p className="panel muted">{t("schedule.emptyWeek")}</p>
      ) : null}
      <ol ref={weekGrid} className="week-grid" aria-label={schedule.weekLabel}>
        {schedule.days.map((day) => (
          <li
            key={day.date}
            className={day.isToday ? "week-day today" : "week-day"}
            aria-labelledby={`day-${day.date}`}
            data-date={day.date}
          >
            <h2 id={`day-${day.date}`} className="week-day-label">
              {day.label}
              {day.isToday ? <span className="visually-hidden"> ({t("schedule.today")})</span> : null}
            </h2>
            {day.items.length === 0 ? (
              <p className="muted no-meetings">{t("schedule.noMeetings")}</p>
            ) : (
              <ul className="week-items">
                {day.items.map((item) => (
                  <MeetingItem key={item.key} teamId={teamId} item={item} t={t} words={words} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
