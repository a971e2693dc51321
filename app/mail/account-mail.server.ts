/**
 * Mail about a person's own account: the link that finishes a sign-up, the note to an
 * address that already has an account, and a password-reset link. None belongs to a team.
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

function accountMail(person: Person, dedupeKey: string, subject: string, text: string): MailDraft {
  return {
    teamId: null,
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
