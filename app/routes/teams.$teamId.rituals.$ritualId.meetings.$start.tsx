import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";

import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { planningRequest } from "~/services/planning-request.server";
import { Field, textValue } from "~/components/form";
import {
  FollowUpItem,
  FollowUps,
  NotesEditor,
  QuestionItem,
  Questions,
  RenderedText,
  RiskItem,
  Risks,
  SharePanel,
} from "~/components/note-page";
import { OverlapChart } from "~/components/overlap-chart";
import { PreviewMeeting } from "~/components/plan-panel";
import { formatDay, formatTime } from "~/i18n/format";
import { i18nServer } from "~/i18n/i18next.server";
import { parseMeetingKey } from "~/domain/meeting-key";
import type { FieldErrors } from "~/domain/validation";
import { localView } from "~/domain/working-hours";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";
import { ChangePanel, LiveMoveCheck, RaisedOn } from "~/components/meeting-panels";
import { findMeeting } from "~/models/meeting.server";
import { loadNotePage } from "~/models/note.server";
import { rsvpsOf } from "~/models/rsvp.server";
import { busyElsewhere } from "~/models/busy-source.server";
import { DAY } from "~/domain/durations";
import { meetingAnswers } from "~/views/meeting-answers";
import { AnswersPanel } from "~/components/answers-panel";
import { runMeetingPageAction } from "~/services/meeting-page.server";
import { notePageView } from "~/views/note-page.server";
import { overlapChartView } from "~/views/overlap-chart";
import { draftPeople, fieldsOfSavedRitual, previewMeetingView } from "~/views/ritual-editor.server";
import { env } from "~/utils/env.server";
import { meetingNotHere, notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · ${data.when} · Rituals` : "Rituals" },
];

/** The meeting the address names; a page asked for at an older address is sent to its current one. */
async function meetingOf(request: Request, params: LoaderFunctionArgs["params"], { reading = false } = {}) {
  const { team, member } = await requireMember(request, params.teamId);
  const found = await findMeeting(team.id, params.ritualId ?? "", parseMeetingKey(params.start));
  if (!found) throw reading ? await meetingNotHere(request, team.id, params.ritualId ?? "", params.start) : notFound();
  return { team, member, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member, ritual, meeting } = await meetingOf(request, params, { reading: true });
  const ref = { teamId: team.id, ritualId: ritual.id, originalStart: meeting.originalStart };
  // Who attends, and when they are busy elsewhere, read while the notes and answers are.
  const attending = planningRequest(request, team.id).then(async (planned) => {
    const people = draftPeople(fieldsOfSavedRitual(planned.planning, ritual.id) ?? {}, planned.planning);
    const window = { from: meeting.start - DAY, to: meeting.end + DAY };
    return {
      ...planned,
      people,
      elsewhere: await busyElsewhere(
        people.map((person) => person.id),
        window,
      ),
    };
  });
  const [{ locale, t, planning, now, people, elsewhere }, loadedNotes, rsvps] = await Promise.all([
    attending,
    loadNotePage(ref),
    rsvpsOf(ritual.id, meeting.originalStart),
  ]);
  const localDate = DateTime.fromMillis(meeting.originalStart, { zone: ritual.timeZone }).toISODate()!;
  const rows = people.map((person) => ({
    ...localView({ ...meeting, localDate }, person, person.role, ritual),
    role: person.role,
    shiftMinutes: 0,
  }));
  const view = previewMeetingView(
    { ...meeting, localDate, status: "scheduled", adjustment: null, rows, clockChange: null, turnChanged: false },
    ritual.timeZone,
    people,
    {
      locale,
      t,
      elsewhere,
      buffers: ritual,
    },
  );
  const inRitualZone = DateTime.fromMillis(meeting.start, { zone: ritual.timeZone });
  const notes = notePageView(loadedNotes, ritual.agendaTemplate, { locale, now, teamZone: team.timeZone }, env.appUrl);
  return {
    notes,
    answers: meetingAnswers(planning, ritual.id, meeting, rsvps, member.id, now),
    members: planning.members.map(({ id, name }) => ({ id, name })),
    withCustomer: ritual.customer !== null,
    recapSentTo: recapSentTo(new URL(request.url)),
    teamId: team.id,
    ritualId: ritual.id,
    path: new URL(request.url).pathname,
    title: ritual.title,
    kind: ritual.kind,
    timeZone: ritual.timeZone,
    when: `${formatDay(meeting.start, member.timeZone, locale)} ${formatTime(meeting.start, member.timeZone, locale)}`,
    viewerZone: member.timeZone,
    status: meeting.detached
      ? ("detached" as const)
      : meeting.cancelled
        ? ("cancelled" as const)
        : meeting.moved
          ? ("moved" as const)
          : ("scheduled" as const),
    originally: meeting.moved
      ? `${formatDay(meeting.originalStart, ritual.timeZone, locale)} ${formatTime(meeting.originalStart, ritual.timeZone, locale)}`
      : null,
    people: view,
    chart: overlapChartView(meeting, ritual.timeZone, ritual, people, { locale, t }),
    videoUrl: ritual.videoUrl,
    move: {
      date: inRitualZone.toISODate()!,
      time: inRitualZone.toFormat("HH:mm"),
      durationMinutes: String(Math.round((meeting.end - meeting.start) / 60_000)),
    },
  };
}

/** How many contacts the recap just went to, when the page was reached right after sending it. */
function recapSentTo(url: URL): number | null {
  const sent = url.searchParams.get("recap");
  return sent !== null && /^\d{1,4}$/.test(sent) ? Number(sent) : null;
}

/** Everything done on the page: its notes and items, sharing, and moving or cancelling this one meeting. */
async function saveForm({ request, params }: ActionFunctionArgs) {
  const { team, member, ritual, meeting } = await meetingOf(request, params);
  const values = formValues(await readForm(request));
  const ref = { teamId: team.id, ritualId: ritual.id, originalStart: meeting.originalStart };
  const outcome = await runMeetingPageAction(values.intent, { ref, ritual, member, values, now: Date.now() });
  if (outcome.done) throw redirect(`${new URL(request.url).pathname}${outcome.search ?? ""}#${outcome.anchor}`);
  if ("badRequest" in outcome) throw new Response(outcome.badRequest, { status: 400 });
  if ("moveCheck" in outcome) {
    const locale = await i18nServer.getLocale(request);
    const { start, fits, rows } = outcome.moveCheck;
    const people = rows.map(({ personId, name, hours, clashesWith, busyElsewhere, timeZone }) => ({
      personId,
      name,
      hours,
      clashesWith,
      busyElsewhere,
      local: `${formatDay(start, timeZone, locale)} ${formatTime(start, timeZone, locale)}`,
    }));
    return data({ errors: {} as FieldErrors, values, moveCheck: { start, fits, rows: people } });
  }
  if ("conflict" in outcome) {
    const locale = await i18nServer.getLocale(request);
    const { savedAt, ...conflict } = outcome.conflict;
    const when = `${formatDay(savedAt, member.timeZone, locale)} ${formatTime(savedAt, member.timeZone, locale)}`;
    return data({ errors: {} as FieldErrors, values, conflict: { ...conflict, when } }, { status: 409 });
  }
  return invalidForm(outcome.errors, values);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function MeetingPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const moveCheck = reply && "moveCheck" in reply && reply.values.intent === "move" ? reply.moveCheck : null;
  return (
    <>
      <div className="page-heading">
        <p className={`kind-badge kind-${data.kind}`}>{t(`kind.${data.kind}`)}</p>
        <h1>{data.title}</h1>
        <p className="lede">
          {t("meeting.when", { when: data.when, zone: data.viewerZone })}
          {data.status !== "scheduled" ? <strong className="tag">{t(`schedule.status.${data.status}`)}</strong> : null}
        </p>
        {data.originally ? (
          <p className="muted">{t("meeting.originally", { when: data.originally, zone: data.timeZone })}</p>
        ) : null}
        {data.status === "detached" ? (
          <p className="deadline-banner" role="note">
            {t("meeting.detachedHint")}
          </p>
        ) : null}
        <p className="card-actions">
          {data.status === "detached" ? null : (
            <a href={`${data.path}.ics`} download>
              {data.status === "cancelled" ? t("meeting.downloadCancellation") : t("schedule.downloadInvite")}
            </a>
          )}
          {data.videoUrl ? <a href={data.videoUrl}>{t("meeting.join")}</a> : null}
          <Link to={`/teams/${data.teamId}/rituals/${data.ritualId}`}>{t("meeting.series")}</Link>
          <Link to={`/teams/${data.teamId}/rituals/${data.ritualId}/edit`}>{t("schedule.editSeries")}</Link>
        </p>
      </div>

      {data.notes.deadline ? (
        <p className="deadline-banner" role="note">
          {t("notes.deadlineIs", { date: data.notes.deadline })}
          {data.notes.deadlineCarriedFrom ? (
            <>
              {" "}
              <Link to={`../${data.notes.deadlineCarriedFrom.meeting}`} relative="path">
                {t("notes.deadlineFrom", { date: data.notes.deadlineCarriedFrom.date })}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}

      <div className="note-layout">
        <div className="note-main">
          <section className="panel" id="notes" aria-labelledby="agenda-title">
            <h2 id="agenda-title">{t("notes.agenda")}</h2>
            <RenderedText html={data.notes.html.agenda} empty={t("notes.noAgenda")} />
            {data.notes.carriedFollowUps.length + data.notes.carriedQuestions.length + data.notes.carriedRisks.length >
            0 ? (
              <div className="carried" data-testid="carried">
                <h3>{t("notes.carriedTitle")}</h3>
                <ul className="items">
                  {data.notes.carriedFollowUps.map((item) => (
                    <FollowUpItem key={item.id} item={item} editable={false}>
                      <RaisedOn item={item} />
                    </FollowUpItem>
                  ))}
                  {data.notes.carriedQuestions.map((item) => (
                    <QuestionItem key={item.id} item={item} editable={false}>
                      <RaisedOn item={item} />
                    </QuestionItem>
                  ))}
                  {/* Open risks stay editable here, so they can be resolved where they come up again. */}
                  {data.notes.carriedRisks.map((item) => (
                    <RiskItem key={item.id} risk={item} editable reply={reply}>
                      <RaisedOn item={item} />
                    </RiskItem>
                  ))}
                </ul>
              </div>
            ) : null}
            {reply && "conflict" in reply ? (
              // Both versions are in the editor below; an empty "No notes yet" here would only mislead.
              <p className="flag flag-conflict" data-testid="conflict-notice">
                <a href="#edit-notes">{t("notes.conflictAbove")}</a>
              </p>
            ) : (
              <>
                <h2>{t("notes.notes")}</h2>
                <RenderedText html={data.notes.html.notes} empty={t("notes.noNotes")} />
                <h2>{t("notes.decisions")}</h2>
                <RenderedText html={data.notes.html.decisions} empty={t("notes.noDecisions")} />
              </>
            )}
            <p className="card-actions">
              <a href="#edit-notes">{t("notes.edit")}</a>
              <a href={`${data.path}/notes.md`} download>
                {t("notes.export")}
              </a>
            </p>
          </section>
          <NotesEditor view={data.notes} reply={reply} withDeadline={data.withCustomer} />
        </div>
        <div className="note-side">
          <FollowUps view={data.notes} members={data.members} reply={reply} />
          <Questions view={data.notes} members={data.members} reply={reply} />
          <Risks view={data.notes} reply={reply} />
          {data.withCustomer ? <SharePanel shareUrl={data.notes.shareUrl} recapSentTo={data.recapSentTo} /> : null}
        </div>
      </div>

      <AnswersPanel answers={data.answers} reply={reply} />

      <section className="panel" aria-labelledby="who-title">
        <h2 id="who-title">{t("meeting.whoTitle")}</h2>
        <OverlapChart chart={data.chart} />
        <ul className="preview-list single">
          <PreviewMeeting meeting={data.people} />
        </ul>
      </section>

      {data.status === "scheduled" || data.status === "detached" ? null : (
        <ChangePanel intent="restore" title={t("meeting.restoreTitle")} hint={t("meeting.restoreHint")} reply={reply}>
          {{ label: t("meeting.restore"), className: "button secondary" }}
        </ChangePanel>
      )}

      {data.status === "cancelled" || data.status === "detached" ? null : (
        <div className="two-panels">
          <ChangePanel
            intent="move"
            title={t("meeting.moveTitle")}
            hint={t("meeting.moveHint", { zone: data.timeZone })}
            reply={reply}
            fields={(moving) => (
              <>
                <div className="field-row">
                  <Field
                    label={t("editor.date")}
                    name="date"
                    type="date"
                    defaultValue={textValue(moving, "date", data.move.date)}
                    error={moving?.errors.date}
                    required
                  />
                  <Field
                    label={t("editor.startTime")}
                    name="time"
                    type="time"
                    defaultValue={textValue(moving, "time", data.move.time)}
                    error={moving?.errors.time}
                    required
                  />
                </div>
                <Field
                  label={t("editor.duration")}
                  name="durationMinutes"
                  type="number"
                  min={1}
                  max={1440}
                  defaultValue={textValue(moving, "durationMinutes", data.move.durationMinutes)}
                  error={moving?.errors.durationMinutes}
                  required
                />
                <LiveMoveCheck checked={moveCheck} />
              </>
            )}
          >
            {{ label: moveCheck && !moveCheck.fits ? t("meeting.moveAnyway") : t("meeting.move"), className: "button" }}
          </ChangePanel>
          <ChangePanel intent="cancel" title={t("meeting.cancelTitle")} hint={t("meeting.cancelHint")} reply={reply}>
            {{ label: t("meeting.cancel"), className: "button danger" }}
          </ChangePanel>
        </div>
      )}
    </>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
