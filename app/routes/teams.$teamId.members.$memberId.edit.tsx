import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { FormError, SubmitButton } from "~/components/form";
import { PersonFields } from "~/components/person-fields";
import { personDefaults, timeZoneDatalist, weekdayOptions } from "~/views/form-options.server";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";
import { i18nServer } from "~/i18n/i18next.server";
import { getMember, setMemberEmails, updateMember } from "~/models/member.server";
import { notFound } from "~/utils/responses.server";
import { BusySources } from "~/components/busy-sources";
import { holidayCountries } from "~/domain/holidays";
import { busySourceView } from "~/views/busy-sources";
import { addBusySource } from "~/services/busy-sources.server";
import { deleteBusySource, listBusySources } from "~/models/busy-source.server";
import { addTimeAway, deleteTimeAway, listTimeAway } from "~/models/days-off.server";
import { listMembers } from "~/models/member.server";
import { TimeAway } from "~/components/time-away";
import { formatDateSpan } from "~/i18n/format";
import { localToday } from "~/domain/local-dates";

/** Owners edit anyone; everyone edits themselves. */
async function editableMember(request: Request, params: LoaderFunctionArgs["params"]) {
  const { team, member: me } = await requireMember(request, params.teamId);
  const member = await getMember(team.id, params.memberId ?? "");
  if (!member) throw notFound();
  if (me.role !== "owner" && me.id !== member.id) throw new Response("Forbidden", { status: 403 });
  return { team, me, member };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, me, member } = await editableMember(request, params);
  const locale = await i18nServer.getLocale(request);
  const [away, members] = await Promise.all([
    listTimeAway(team.id, member.id, localToday(member.timeZone, Date.now())),
    listMembers(team.id),
  ]);
  return {
    teamId: team.id,
    isMe: me.id === member.id,
    hasAccount: member.userId !== null,
    person: personDefaults(member),
    emailsOn: !member.emailsOff,
    zones: timeZoneDatalist(),
    regions: holidayCountries(),
    weekdays: weekdayOptions(locale),
    sources: (await listBusySources(member.id)).map((source) => busySourceView(source, member.timeZone, locale)),
    away: away.map((span) => ({
      id: span.id,
      when: formatDateSpan(span.firstDay, span.lastDay, locale),
      delegate: span.delegate?.name ?? null,
      message: span.message,
    })),
    teammates: members.filter((other) => other.id !== member.id).map(({ id, name }) => ({ id, name })),
  };
}

async function saveForm({ request, params }: ActionFunctionArgs) {
  const { team, me, member } = await editableMember(request, params);
  const values = formValues(await readForm(request), ["workDays"]);
  if (values.intent === "emails") {
    // Whether mail reaches someone is theirs alone to decide.
    if (me.id !== member.id) throw new Response("Only you can change this", { status: 403 });
    await setMemberEmails(team.id, member.id, values.emails === "on");
    throw redirect(`/teams/${team.id}/members/${member.id}/edit?saved=emails#emails`);
  }
  if (values.intent === "add-calendar" || values.intent === "add-caldav") {
    const added = await addBusySource(member, {
      address: String(values.address ?? ""),
      allDayBlocks: values.allDayBlocks === "on",
      login:
        values.intent === "add-caldav"
          ? { username: String(values.username ?? ""), password: String(values.password ?? "") }
          : undefined,
    });
    if (!added.ok) return invalidForm(added.errors, values);
    throw redirect(`/teams/${team.id}/members/${member.id}/edit#calendars`);
  }
  if (values.intent === "add-away") {
    const added = await addTimeAway(team.id, member.id, values);
    if (!added.ok) return invalidForm(added.errors, values);
    throw redirect(`/teams/${team.id}/members/${member.id}/edit#away`);
  }
  if (values.intent === "remove-away") {
    await deleteTimeAway(member.id, String(values.awayId ?? ""));
    throw redirect(`/teams/${team.id}/members/${member.id}/edit#away`);
  }
  if (values.intent === "remove-calendar") {
    await deleteBusySource(member.id, String(values.sourceId ?? ""));
    throw redirect(`/teams/${team.id}/members/${member.id}/edit#calendars`);
  }
  const updated = await updateMember(team.id, member.id, values);
  if (!updated.ok) return invalidForm(updated.errors, values);
  throw redirect(`/teams/${team.id}/members`);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function EditMember() {
  const { teamId, isMe, hasAccount, person, emailsOn, zones, regions, weekdays, sources, away, teammates } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  // The profile's own form sends no intent; a reply to another form leaves it as saved.
  const profileReply = reply?.values?.intent ? undefined : reply;
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="edit-member-title">
      <h1 id="edit-member-title">{isMe ? t("members.editMe") : t("members.editTitle", { name: person.name })}</h1>
      <p className="muted">{t("members.editIntro")}</p>
      <Form method="post" noValidate>
        <PersonFields
          reply={profileReply}
          zones={zones}
          regions={regions}
          weekdays={weekdays}
          defaults={person}
          about={isMe ? "self" : "other"}
          email={hasAccount ? "locked" : "editable"}
        />
        <FormError reply={profileReply} />
        <div className="actions">
          <SubmitButton>{t("editor.save")}</SubmitButton>
          <Link to={`/teams/${teamId}/members`}>{t("confirm.cancel")}</Link>
        </div>
      </Form>
      {isMe ? (
        <Form method="post" id="emails" className="emails-setting">
          <input type="hidden" name="intent" value="emails" />
          <h2>{t("members.emailsTitle")}</h2>
          <div className="field">
            <label className="checkbox" htmlFor="emails-on">
              <input id="emails-on" type="checkbox" name="emails" defaultChecked={emailsOn} />
              {t("members.emailsOn")}
            </label>
          </div>
          <p className="hint">{t("members.emailsHint")}</p>
          <SubmitButton className="button secondary">{t("members.emailsSave")}</SubmitButton>
        </Form>
      ) : null}
      <TimeAway
        spans={away}
        teammates={teammates}
        reply={reply}
        title={isMe ? t("away.title") : t("away.titleOther", { name: person.name })}
      />
      <BusySources
        sources={sources}
        reply={reply}
        title={isMe ? t("busy.title") : t("busy.titleOther", { name: person.name })}
      />
    </section>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
