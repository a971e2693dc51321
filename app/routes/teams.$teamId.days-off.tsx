import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember, requireOwner } from "~/utils/auth.server";
import { ChoiceGroup, Field, FormError, RemoveButton, SubmitButton, textValue } from "~/components/form";
import { formatDate, formatDateSpan } from "~/i18n/format";
import { i18nServer } from "~/i18n/i18next.server";
import { localToday } from "~/domain/local-dates";
import { deleteTeamDay, listTeamDays, saveTeamDay } from "~/models/days-off.server";
import { loadTeamPlanning } from "~/models/planning.server";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";

export const meta: MetaFunction = () => [{ title: "Days off · Rituals" }];

/** The team's own days off and worked holidays (owners change them), and who is away from today on. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const locale = await i18nServer.getLocale(request);
  const now = Date.now();
  const [days, planning] = await Promise.all([listTeamDays(team.id), loadTeamPlanning(team.id, now)]);
  const names = new Map(planning.members.map((m) => [m.id, m.name]));
  return {
    teamId: team.id,
    isOwner: member.role === "owner",
    days: days.map((day) => ({ ...day, label: formatDate(day.date, locale) })),
    away: planning.members.flatMap((person) =>
      person.away
        .filter((span) => span.lastDay >= localToday(person.timeZone, now))
        .map((span) => ({
          key: `${person.id}-${span.firstDay}`,
          memberId: person.id,
          name: person.name,
          when: formatDateSpan(span.firstDay, span.lastDay, locale),
          delegate: span.delegateId ? (names.get(span.delegateId) ?? null) : null,
        })),
    ),
  };
}

async function saveDays({ request, params }: ActionFunctionArgs) {
  const { team } = await requireOwner(request, params.teamId);
  const values = formValues(await readForm(request), []);
  if (values.intent === "remove-day") {
    await deleteTeamDay(team.id, String(values.dayId ?? ""));
  } else {
    const saved = await saveTeamDay(team.id, values);
    if (!saved.ok) return invalidForm(saved.errors, values);
  }
  throw redirect(`/teams/${team.id}/days-off`);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveDays);

export default function DaysOff() {
  const { teamId, isOwner, days, away } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-heading">
        <h1>{t("daysOff.title")}</h1>
        <p className="lede">{t("daysOff.intro")}</p>
      </div>
      <div className="two-panels">
        <section className="panel" aria-labelledby="team-days-title">
          <h2 id="team-days-title">{t("daysOff.teamDays")}</h2>
          {days.length === 0 ? (
            <p className="muted">{t("daysOff.none")}</p>
          ) : (
            <ul className="busy-source-list">
              {days.map((day) => (
                <li key={day.id} data-testid="team-day">
                  <strong>{day.label}</strong> {day.name}{" "}
                  <span className="tag">{day.off ? t("daysOff.off") : t("daysOff.working")}</span>
                  {isOwner ? (
                    <RemoveButton
                      intent="remove-day"
                      idName="dayId"
                      id={day.id}
                      label={t("daysOff.remove")}
                      what={day.label}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {isOwner ? (
            <Form method="post" noValidate key={days.length}>
              <h3>{t("daysOff.addTitle")}</h3>
              <div className="field-row">
                <Field
                  label={t("daysOff.date")}
                  name="date"
                  type="date"
                  defaultValue={textValue(reply, "date")}
                  error={reply?.errors?.date}
                />
                <Field
                  label={t("daysOff.name")}
                  name="name"
                  maxLength={100}
                  defaultValue={textValue(reply, "name")}
                  error={reply?.errors?.name}
                />
              </div>
              <ChoiceGroup
                legend={t("daysOff.kind")}
                name="off"
                type="radio"
                options={[
                  { value: "off", label: t("daysOff.offChoice") },
                  { value: "working", label: t("daysOff.workingChoice") },
                ]}
                chosen={[textValue(reply, "off", "off")]}
                error={reply?.errors?.off}
              />
              <FormError reply={reply} />
              <SubmitButton className="button secondary">{t("daysOff.add")}</SubmitButton>
            </Form>
          ) : (
            <p className="hint">{t("daysOff.ownersOnly")}</p>
          )}
        </section>
        <section className="panel" aria-labelledby="away-list-title">
          <h2 id="away-list-title">{t("daysOff.awayTitle")}</h2>
          {away.length === 0 ? (
            <p className="muted">{t("daysOff.nobodyAway")}</p>
          ) : (
            <ul className="plain-list" data-testid="team-away">
              {away.map((span) => (
                <li key={span.key}>
                  <Link to={`/teams/${teamId}/members/${span.memberId}/edit#away`}>{span.name}</Link>: {span.when}
                  {span.delegate ? (
                    <span className="muted"> · {t("away.coveredBy", { name: span.delegate })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <p className="hint">{t("daysOff.awayHint")}</p>
        </section>
      </div>
    </>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
