/**
 * Mail about a person's own account: the link that finishes a sign-up, the note to an
 * address that already has an account, a password-reset link; and about their way into
 * a team: a mailed invite link, the claim an owner settles, and its outcome.
 */
import { translatorFor } from "~/i18n/i18next.server";
import type { MailDraft } from "~/models/mail.server";
import { env } from "~/utils/env.server";

const pageUrl = (path: string) => new URL(path, env.appUrl).toString();

interface Person {
  name: string;
  email: string;
  language: string;
}

function accountMail(
  person: Person,
  dedupeKey: string,
  subject: string,
  text: string,
  teamId: string | null = null,
): MailDraft {
  return {
    teamId,
    dedupeKey,
    kind: "account",
    toName: person.name,
    toAddress: person.email,
    subject,
    text,
  };
}

/** A stored link: its id names the mail, its token is in the mail only. */
interface MailedLink {
  id: string;
  token: string;
}

/** The page each kind of link opens. */
const LINK_PAGES = { signUp: "/welcome", reset: "/reset-password" } as const;

/** A link that finishes a sign-up or resets a password, in the person's language. */
export async function accountLinkMail(
  kind: keyof typeof LINK_PAGES,
  person: Person,
  { id, token }: MailedLink,
): Promise<MailDraft> {
  const t = await translatorFor(person.language);
  return accountMail(
    person,
    `account-link:${id}`,
    t(`accountMail.${kind}Subject`),
    t(`accountMail.${kind}Body`, { name: person.name, link: pageUrl(`${LINK_PAGES[kind]}/${token}`) }),
  );
}

/** Sent instead of a sign-up link, so the sign-up page answers the same either way. */
export async function accountExistsMail(person: Person, now: number): Promise<MailDraft> {
  const t = await translatorFor(person.language);
  return accountMail(
    person,
    `account-exists:${person.email}:${now}`,
    t("accountMail.existsSubject"),
    t("accountMail.existsBody", {
      name: person.name,
      signIn: pageUrl("/sign-in"),
      reset: pageUrl("/forgot-password"),
    }),
  );
}

interface Team {
  id: string;
  name: string;
}

/** An invite link mailed to one address, in the inviting owner's language. */
export async function teamInviteMail(
  email: string,
  { team, inviter, language, days }: { team: Team; inviter: string; language: string; days: number },
  { id, token }: MailedLink,
): Promise<MailDraft> {
  const t = await translatorFor(language);
  return accountMail(
    { name: email, email, language },
    `team-invite:${id}`,
    t("accountMail.inviteSubject", { team: team.name }),
    t("accountMail.inviteBody", { inviter, team: team.name, link: pageUrl(`/invite/${token}`), count: days }),
    team.id,
  );
}

/** To an owner: someone joined with a listed member's address and waits to be confirmed. */
export async function claimWaitingMail(
  owner: Person,
  {
    team,
    claimant,
    member,
  }: { team: Team; claimant: { name: string; email: string }; member: { id: string; name: string } },
): Promise<MailDraft> {
  const t = await translatorFor(owner.language);
  return accountMail(
    owner,
    `claim:${member.id}:${claimant.email}:${owner.email}`,
    t("accountMail.claimSubject", { member: member.name, team: team.name }),
    t("accountMail.claimBody", {
      name: owner.name,
      claimant: `${claimant.name} <${claimant.email}>`,
      member: member.name,
      team: team.name,
      link: pageUrl(`/teams/${team.id}/members#claims`),
    }),
    team.id,
  );
}

/** To the person who claimed a listed member: the owner's answer. */
export async function claimSettledMail(
  person: Person,
  { team, memberName, confirmed }: { team: Team; memberName: string; confirmed: boolean },
  now: number,
): Promise<MailDraft> {
  const t = await translatorFor(person.language);
  const outcome = confirmed ? "claimConfirmed" : "claimRefused";
  return accountMail(
    person,
    `claim-settled:${team.id}:${person.email}:${now}`,
    t(`accountMail.${outcome}Subject`, { team: team.name }),
    t(`accountMail.${outcome}Body`, {
      name: person.name,
      member: memberName,
      team: team.name,
      link: pageUrl(confirmed ? `/teams/${team.id}` : "/"),
    }),
    team.id,
  );
}
