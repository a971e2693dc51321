import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { listDetachedMeetings } from "~/models/meeting.server";
import { ritualSummary } from "~/models/planning.server";
import { planningRequest } from "~/services/planning-request.server";
import { busyElsewhere } from "~/models/busy-source.server";
import { DAY } from "~/domain/durations";
import { FairnessBars } from "~/components/fairness-bars";
import { OverlapChart } from "~/components/overlap-chart";
import { RitualFacts } from "~/components/ritual-facts";
import { formatCadence, formatDay, formatLocalStart, formatTime } from "~/i18n/format";
import { meetingKey } from "~/domain/meeting-key";
import { previewMeetings } from "~/domain/ritual-preview";
import { upcomingMeetings } from "~/domain/week-schedule";
import { TALLY_MEETINGS } from "~/domain/fairness";
import { ritualFairness } from "~/views/fairness.server";
import { chartsFor } from "~/views/overlap-chart";
import { draftPeople, fieldsOfSavedRitual } from "~/views/ritual-editor.server";
import { notFound } from "~/utils/responses.server";
import { awayAtMeeting } from "~/domain/days-off";
import { AwayFlag } from "~/components/away-flag";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.ritual.title} · Rituals` : "Rituals" },
];

const UPCOMING = 8;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const { locale, t, planning, now } = await planningRequest(request, team.id);
  const saved = planning.rituals.find((r) => r.id === params.ritualId);
  if (!saved) throw notFound();
  const { ritual } = saved;
  const summary = ritualSummary(planning, saved);
  const zone = member.timeZone;
  const people = draftPeople(fieldsOfSavedRitual(planning, saved.id) ?? {}, planning);
  const attendeeIds = saved.attendees.map((attendee) => attendee.personId);
  // The charts show meetings within the half year busy times are kept for: only this ritual's people are read.
  const [detached, elsewhere] = await Promise.all([
    listDetachedMeetings(team.id, saved.id),
    busyElsewhere(attendeeIds, { from: now - DAY, to: now + 182 * DAY }),
  ]);
  const members = new Map(planning.members.map((m) => [m.id, m]));
  return {
    detached: detached.map((meeting) => ({
      key: meetingKey(meeting.originalStart),
      when: `${formatDay(meeting.start, zone, locale)} ${formatTime(meeting.start, zone, locale)}`,
    })),
    charts: chartsFor(previewMeetings(ritual, ritual, people, now), ritual, people, { locale, t, elsewhere }),
    fairness: ritualFairness(planning, saved.id, now),
    teamId: team.id,
    isOwner: member.role === "owner",
    viewerZone: zone,
    customerName: summary.customerName,
    ritual: {
      ...summary,
      cadence: formatCadence(ritual, t, locale),
      localStart: formatLocalStart(ritual, locale),
    },
    meetings: upcomingMeetings(saved, now, UPCOMING).map((meeting) => ({
      key: meetingKey(meeting.originalStart),
      day: formatDay(meeting.start, zone, locale),
      time: `${formatTime(meeting.start, zone, locale)}–${formatTime(meeting.end, zone, locale)}`,
      status: meeting.status,
      away: meeting.status === "cancelled" ? null : awayAtMeeting(attendeeIds, members, meeting),
    })),
  };
}

export default function RitualPage() {
  const { teamId, isOwner, viewerZone, customerName, ritual, meetings, charts, fairness, detached } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/teams/${teamId}/rituals/${ritual.id}`;
  return (
    <>
      <div className="page-heading with-action">
        <div>
          <p className={`kind-badge kind-${ritual.kind}`}>{t(`kind.${ritual.kind}`)}</p>
          <h1>{ritual.title}</h1>
          {customerName ? <p className="lede">{t("home.withCustomer", { customer: customerName })}</p> : null}
        </div>
        <Link className="button" to={`${base}/edit`}>
          {t("ritual.edit")}
        </Link>
      </div>
      <div className="two-panels">
        <section className="panel" aria-labelledby="facts-title">
          <h2 id="facts-title">{t("ritual.factsTitle")}</h2>
          <RitualFacts ritual={ritual} />
          {ritual.agendaTemplate ? (
            <>
              <h3>{t("editor.agendaTemplate")}</h3>
              <p className="pre-line">{ritual.agendaTemplate}</p>
            </>
          ) : null}
          <p className="card-actions">
            <a href={`${base}.ics`} download>
              {t("home.downloadInvite")}
            </a>
            {customerName ? (
              <a href={`${base}/customer.ics`} download>
                {t("calendar.downloadCustomerInvite")}
              </a>
            ) : null}
            {ritual.videoUrl ? <a href={ritual.videoUrl}>{t("meeting.join")}</a> : null}
            {isOwner ? (
              <Link to={`${base}/delete`} className="danger-link">
                {t("home.deleteRitual")}
              </Link>
            ) : null}
          </p>
        </section>
        <section className="panel" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">{t("ritual.upcomingTitle")}</h2>
          <p className="hint">{t("ritual.upcomingHint", { zone: viewerZone })}</p>
          {meetings.length === 0 ? (
            <p className="muted">{t("ritual.noUpcoming")}</p>
          ) : (
            <ul className="plain-list upcoming">
              {meetings.map((meeting) => (
                <li key={meeting.key} className={`status-${meeting.status}`}>
                  <Link to={`${base}/meetings/${meeting.key}`}>
                    {meeting.day} {meeting.time}
                  </Link>
                  {meeting.status === "scheduled" ? null : (
                    <span className="tag">{t(`schedule.status.${meeting.status}`)}</span>
                  )}
                  {meeting.away && meeting.away.names.length > 0 ? (
                    <AwayFlag away={meeting.away} meetingPath={`${base}/meetings/${meeting.key}`} t={t} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {detached.length > 0 ? (
        <section className="panel" aria-labelledby="detached-title" data-testid="detached">
          <h2 id="detached-title">{t("ritual.detachedTitle")}</h2>
          <p className="hint">{t("ritual.detachedHint")}</p>
          <ul className="plain-list">
            {detached.map((meeting) => (
              <li key={meeting.key}>
                <Link to={`${base}/meetings/${meeting.key}`}>{meeting.when}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {charts.length > 0 ? (
        <section className="panel" aria-labelledby="charts-title">
          <h2 id="charts-title">{t("chart.heading")}</h2>
          {charts.map((chart) => (
            <OverlapChart key={chart.title} chart={chart} />
          ))}
        </section>
      ) : null}
      {fairness.length > 0 ? (
        <section className="panel" aria-labelledby="fairness-title">
          <h2 id="fairness-title">{t("fairness.title")}</h2>
          <FairnessBars rows={fairness} caption={t("fairness.ritualIntro", { count: TALLY_MEETINGS })} />
        </section>
      ) : null}
    </>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
