import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { useTranslation } from "react-i18next";
import { requireMember, requireOwner } from "~/utils/auth.server";
import { CopyButton, CopyField } from "~/components/copy-button";
import { SubmitButton, TextAreaField } from "~/components/form";
import { minutesToClock, parseWeekdayList } from "~/domain/clock";
import { weekdayOptions } from "~/views/form-options.server";
import { i18nServer } from "~/i18n/i18next.server";
import { createInvite, INVITE_DAYS, listOpenInvites, revokeInvite } from "~/models/invite.server";
import { listMemberClaims } from "~/models/team.server";
import { listMembers } from "~/models/member.server";
import { MAX_INVITES_AT_ONCE } from "~/domain/people";
import { changeRole, handOverOwnership, removeMember } from "~/services/members.server";
import { mailInvites, settleClaim } from "~/services/joining.server";
import { readForm } from "~/utils/form-values.server";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member: me } = await requireMember(request, params.teamId);
  const locale = await i18nServer.getLocale(request);
  const weekdays = weekdayOptions(locale);
  const isOwner = me.role === "owner";
  const members = await listMembers(team.id);
  const invites = isOwner ? await listOpenInvites(team.id) : [];
  const claims = isOwner ? await listMemberClaims(team.id) : [];
  return {
    teamId: team.id,
    inviteDays: INVITE_DAYS,
    inviteLimit: MAX_INVITES_AT_ONCE,
    isOwner,
    myId: me.id,
    members: members.map((member) => ({
      id: member.id,
      name: member.name,
      email: member.email,
      role: member.role,
      hasAccount: member.userId !== null,
      timeZone: member.timeZone,
      hours: `${minutesToClock(member.workStartMinutes)}–${minutesToClock(member.workEndMinutes)}`,
      days: parseWeekdayList(member.workDays)
        .map((day) => weekdays[day - 1]?.label.slice(0, locale === "ko" ? 1 : 3))
        .join(", "),
    })),
    claims,
    invites: invites.map((invite) => ({
      id: invite.id,
      email: invite.email,
      expires: DateTime.fromJSDate(invite.expiresAt, { zone: me.timeZone })
        .setLocale(locale)
        .toLocaleString(DateTime.DATETIME_MED),
    })),
  };
}

/** Anyone may leave; owners create and revoke invite links, settle claims and change roles. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "leave") {
    const { team, member: me } = await requireMember(request, params.teamId);
    const left = await removeMember(team.id, me.id);
    if (!left.ok) return data({ roleError: left.errors.form }, { status: 409 });
    throw redirect("/");
  }
  const { team, member, user } = await requireOwner(request, params.teamId);
  const memberId = String(form.get("memberId") ?? "");
  if (intent === "make-owner" || intent === "make-member" || intent === "hand-over") {
    const changed =
      intent === "hand-over"
        ? await handOverOwnership(team.id, member.id, memberId)
        : await changeRole(team.id, memberId, intent === "make-owner" ? "owner" : "member");
    if (!changed.ok) return data({ roleError: changed.errors.form }, { status: 409 });
    return { roleChanged: true };
  }
  if (intent === "create-invite") {
    const invite = await createInvite(team.id, member.id);
    return { inviteUrl: new URL(`/invite/${invite.token}`, env.appUrl).toString() };
  }
  if (intent === "confirm-claim" || intent === "refuse-claim") {
    const settled = await settleClaim(team.id, memberId, intent === "confirm-claim");
    if (!settled) throw notFound();
    return { settled: true };
  }
  if (intent === "mail-invites") {
    const addresses = String(form.get("addresses") ?? "");
    const mailed = await mailInvites(team.id, { ...member, userId: user.id }, { addresses });
    if (!mailed.ok) return data({ inviteErrors: mailed.errors, addresses }, { status: 400 });
    return { invitesSent: mailed.value.sent };
  }
  if (intent === "revoke-invite") {
    if (!(await revokeInvite(team.id, String(form.get("inviteId") ?? "")))) {
      throw notFound();
    }
    return { revoked: true };
  }
  return data({ error: "unknown intent" }, { status: 400 });
}

export default function Members() {
  const { teamId, inviteDays, inviteLimit, isOwner, myId, members, invites, claims } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const inviteUrl = reply && "inviteUrl" in reply ? reply.inviteUrl : null;
  const roleError = reply && "roleError" in reply ? reply.roleError : null;
  const invitesSent = reply && "invitesSent" in reply ? reply.invitesSent : null;
  const inviteReply = reply && "inviteErrors" in reply ? reply : null;
  const roleButton = (memberId: string, intent: string, label: string, name: string) => (
    <Form method="post" className="inline-form">
      <input type="hidden" name="memberId" value={memberId} />
      <button type="submit" name="intent" value={intent} className="link-button">
        {label}
        <span className="visually-hidden">: {name}</span>
      </button>
    </Form>
  );
  return (
    <>
      <div className="page-heading with-action">
        <h1>{t("members.title")}</h1>
        {isOwner ? (
          <Link className="button secondary" to={`/teams/${teamId}/members/new`}>
            {t("members.addTitle")}
          </Link>
        ) : null}
      </div>
      {roleError ? (
        <p className="field-error" role="alert" id="role-error">
          {t(roleError as "validation.lastOwner")}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{t("members.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.timeZone")}</th>
              <th scope="col">{t("members.hours")}</th>
              <th scope="col">{t("members.role")}</th>
              <th scope="col">{t("members.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id} data-testid="member">
                <td>
                  <strong>{member.name}</strong>
                  <br />
                  <span className="muted">{member.email}</span>
                </td>
                <td>{member.timeZone}</td>
                <td>
                  {member.hours}
                  <br />
                  <span className="muted">{member.days}</span>
                </td>
                <td>
                  {t(`members.roles.${member.role === "owner" ? "owner" : "member"}`)}
                  {member.hasAccount ? null : <span className="muted"> · {t("members.noAccount")}</span>}
                </td>
                <td className="row-actions">
                  {isOwner || member.id === myId ? (
                    <Link to={`/teams/${teamId}/members/${member.id}/edit`}>
                      {t("members.edit")}
                      <span className="visually-hidden">: {member.name}</span>
                    </Link>
                  ) : null}
                  {isOwner && member.id !== myId && member.role === "owner"
                    ? roleButton(member.id, "make-member", t("members.makeMember"), member.name)
                    : null}
                  {isOwner && member.role !== "owner" && member.hasAccount ? (
                    <>
                      {roleButton(member.id, "make-owner", t("members.makeOwner"), member.name)}
                      {roleButton(member.id, "hand-over", t("members.handOver"), member.name)}
                    </>
                  ) : null}
                  {isOwner && member.id !== myId ? (
                    <Link to={`/teams/${teamId}/members/${member.id}/remove`} className="danger-link">
                      {t("members.remove")}
                      <span className="visually-hidden">: {member.name}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section className="panel" aria-labelledby="leave-title">
        <h2 id="leave-title">{t("members.leaveTitle")}</h2>
        <p className="hint">{t("members.leaveHint")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="leave" />
          <button type="submit" className="button secondary">
            {t("members.leave")}
          </button>
        </Form>
      </section>

      {claims.length > 0 ? (
        <section className="panel" aria-labelledby="claims-title" data-testid="claims">
          <h2 id="claims-title">{t("members.claimsTitle")}</h2>
          <p className="hint">{t("members.claimsHint")}</p>
          <ul className="plain-list">
            {claims.map((claim) => (
              <li key={claim.memberId}>
                {t("members.claim", {
                  user: claim.user ? `${claim.user.name} <${claim.user.email}>` : "?",
                  member: claim.memberName,
                })}{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="memberId" value={claim.memberId} />
                  <button type="submit" name="intent" value="confirm-claim" className="link-button">
                    {t("members.confirmClaim")}
                  </button>{" "}
                  <button type="submit" name="intent" value="refuse-claim" className="link-button danger-link">
                    {t("members.refuseClaim")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {isOwner ? (
        <section className="panel" aria-labelledby="invite-title">
          <h2 id="invite-title">{t("members.inviteTitle")}</h2>
          <p className="muted">{t("members.inviteIntro", { count: inviteDays })}</p>
          {inviteUrl ? (
            <CopyField id="invite-url" label={t("members.inviteLink")} value={inviteUrl}>
              <CopyButton value={inviteUrl} label={t("members.copyInvite")} />
            </CopyField>
          ) : null}
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="mail-invites" />
            <TextAreaField
              label={t("members.inviteAddresses")}
              name="addresses"
              id="invite-addresses"
              rows={3}
              hint={t("members.inviteAddressesHint", { count: inviteLimit })}
              error={inviteReply?.inviteErrors.addresses}
              defaultValue={inviteReply?.addresses ?? ""}
              key={invitesSent ?? "typed"}
            />
            {invitesSent !== null ? <p role="status">{t("members.invitesSent", { count: invitesSent })}</p> : null}
            <SubmitButton>{t("members.mailInvites")}</SubmitButton>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="create-invite" />
            <SubmitButton className="button secondary">{t("members.createInvite")}</SubmitButton>
          </Form>
          {invites.length > 0 ? (
            <>
              <h3>{t("members.openInvites")}</h3>
              <ul className="plain-list">
                {invites.map((invite) => (
                  <li key={invite.id}>
                    {invite.email ? <strong>{invite.email}</strong> : t("members.copiedLink")}
                    {" · "}
                    {t("members.expires", { date: invite.expires })}{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke-invite" />
                      <input type="hidden" name="inviteId" value={invite.id} />
                      <button type="submit" className="link-button">
                        {t("members.revoke")}
                        <span className="visually-hidden">: {invite.email ?? t("members.copiedLink")}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
