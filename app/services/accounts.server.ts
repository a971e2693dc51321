/**
 * A person's own account, by mail: signing up answers the same whether or not the
 * address has an account (the address's owner is mailed either way), and a forgotten
 * password is replaced through a link mailed to the address.
 */
import { newPasswordSchema, passwordResetRequestSchema, signUpSchema } from "~/domain/account";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/domain/languages";
import { LINKS_PER_EMAIL, SIGN_UPS_PER_ADDRESS } from "~/domain/sign-in-throttle";
import { validate, type WriteResult } from "~/domain/validation";
import { accountExistsMail, accountLinkMail } from "~/mail/account-mail.server";
import { createAccountLink, usableAccountLink, useAccountLink } from "~/models/account-link.server";
import { queueMail } from "~/models/mail.server";
import { takeSignInAttempt } from "~/models/sign-in-throttle.server";
import { createSignedUpUser, hashPassword, replacePassword, userWithEmail } from "~/models/user.server";
import { inTransaction } from "~/utils/db.server";
import { claimListedMembersOf } from "./joining.server";
import { sendMailSoon } from "./mail-sender.server";

/** How long to wait, in seconds, before mailing another link from this client address to this email. */
function linkThrottle(kind: string, clientAddress: string, email: string, now: number) {
  return takeSignInAttempt(
    [
      { key: `${kind}:${clientAddress}`, rule: SIGN_UPS_PER_ADDRESS },
      { key: `mailed-link:${email}`, rule: LINKS_PER_EMAIL },
    ],
    now,
  );
}

/** Turned away by a throttle: the seconds to wait. */
type Throttled = { ok: false; wait: number };

/**
 * Mails a link that finishes the sign-up, or, when the address has an account, a note to
 * its owner on how to sign in. The password is hashed either way, so both take as long.
 */
export async function requestSignUp(
  input: unknown,
  {
    clientAddress,
    language,
    redirectTo,
    now,
  }: { clientAddress: string; language: Language; redirectTo: string; now: number },
): Promise<WriteResult<null> | Throttled> {
  const parsed = validate(signUpSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const { email, name, password } = parsed.data;
  const wait = await linkThrottle("sign-up", clientAddress, email, now);
  if (wait > 0) return { ok: false, wait };
  const passwordHash = await hashPassword(password);
  await inTransaction(async (db) => {
    const owner = await userWithEmail(email, db);
    const mail = owner
      ? await accountExistsMail(owner, now)
      : await accountLinkMail(
          "signUp",
          { name, email, language },
          await createAccountLink(
            db,
            { purpose: "sign-up", email, signUp: { name, passwordHash, language, redirectTo } },
            now,
          ),
        );
    await queueMail([mail], now, db);
  });
  sendMailSoon();
  return { ok: true, value: null };
}

/** Who a sign-up link is for, while it works. */
export async function signUpLinkFor(token: string, now: number) {
  const link = await usableAccountLink("sign-up", token, now);
  return link?.signUp ? { name: link.signUp.name, email: link.email } : null;
}

/**
 * Makes the account a sign-up link stands for; the link works once. Members teams
 * listed with its address wait for their owners, who are mailed.
 */
export async function finishSignUp(
  token: string,
  now: number,
): Promise<{ ok: true; userId: string; redirectTo: string } | { ok: false; reason: "gone" | "taken" }> {
  const finished = await inTransaction(async (db) => {
    const link = await usableAccountLink("sign-up", token, now, db);
    const form = link?.signUp;
    if (!link || !form || !(await useAccountLink(db, link.id, now))) return { ok: false, reason: "gone" } as const;
    if (await userWithEmail(link.email, db)) return { ok: false, reason: "taken" } as const;
    const user = await createSignedUpUser(db, {
      email: link.email,
      name: form.name,
      passwordHash: form.passwordHash,
      language: isLanguage(form.language) ? form.language : DEFAULT_LANGUAGE,
    });
    await claimListedMembersOf(db, user, now);
    return { ok: true, userId: user.id, redirectTo: form.redirectTo } as const;
  });
  if (finished.ok) sendMailSoon();
  return finished;
}

/** Mails a reset link if the address has an account; answers the same when it has none. */
export async function requestPasswordReset(
  input: unknown,
  { clientAddress, now }: { clientAddress: string; now: number },
): Promise<WriteResult<null> | Throttled> {
  const parsed = validate(passwordResetRequestSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const { email } = parsed.data;
  const wait = await linkThrottle("reset", clientAddress, email, now);
  if (wait > 0) return { ok: false, wait };
  await inTransaction(async (db) => {
    const owner = await userWithEmail(email, db);
    if (!owner) return;
    const link = await createAccountLink(db, { purpose: "reset", email }, now);
    await queueMail([await accountLinkMail("reset", owner, link)], now, db);
  });
  sendMailSoon();
  return { ok: true, value: null };
}

/** Whether a reset link still works. */
export async function resetLinkWorks(token: string, now: number): Promise<boolean> {
  return (await usableAccountLink("reset", token, now)) !== null;
}

/** Sets the new password from a reset link and ends every session; the link works once. */
export async function resetPassword(
  token: string,
  input: unknown,
  now: number,
): Promise<WriteResult<{ userId: string }> | { ok: false; gone: true }> {
  const parsed = validate(newPasswordSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const passwordHash = await hashPassword(parsed.data.newPassword);
  return inTransaction(async (db) => {
    const link = await usableAccountLink("reset", token, now, db);
    const owner = link && (await userWithEmail(link.email, db));
    if (!link || !owner || !(await useAccountLink(db, link.id, now))) return { ok: false, gone: true } as const;
    await replacePassword(db, owner.id, passwordHash);
    return { ok: true, value: { userId: owner.id } } as const;
  });
}
