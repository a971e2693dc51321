/**
 * Mailed links that finish a sign-up or reset a password. Only the token's hash is
 * stored; a link works once, for an hour.
 */
import { HOUR } from "~/domain/durations";
import { prisma, type DbOrTransaction } from "~/utils/db.server";
import { hashSecretToken, newSecretToken } from "./secret-token.server";

export const ACCOUNT_LINK_MS = HOUR;

export type AccountLinkPurpose = "sign-up" | "reset";

/** What a sign-up form held, to make the account from once its link is used. */
export interface SignUpForm {
  name: string;
  passwordHash: string;
  language: string;
  redirectTo: string;
}

export interface AccountLinkDraft {
  purpose: AccountLinkPurpose;
  email: string;
  signUp?: SignUpForm;
}

/** Stores a new link: its id, and its token for the mail only. */
export async function createAccountLink(
  db: DbOrTransaction,
  { purpose, email, signUp }: AccountLinkDraft,
  now: number,
): Promise<{ id: string; token: string }> {
  const token = newSecretToken();
  const { id } = await db.accountLink.create({
    data: {
      purpose,
      email,
      signUp: signUp ? JSON.stringify(signUp) : null,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(now + ACCOUNT_LINK_MS),
    },
    select: { id: true },
  });
  return { id, token };
}

/** The link behind a token, while it is unused and unexpired. */
export async function usableAccountLink(
  purpose: AccountLinkPurpose,
  token: string,
  now: number,
  db: DbOrTransaction = prisma,
): Promise<{ id: string; email: string; signUp: SignUpForm | null } | null> {
  const link = await db.accountLink.findFirst({
    where: { tokenHash: hashSecretToken(token), purpose, usedAt: null, expiresAt: { gt: new Date(now) } },
  });
  return (
    link && { id: link.id, email: link.email, signUp: link.signUp ? (JSON.parse(link.signUp) as SignUpForm) : null }
  );
}

/** Marks the link used; false when another request used it first. */
export async function useAccountLink(db: DbOrTransaction, id: string, now: number): Promise<boolean> {
  const { count } = await db.accountLink.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date(now) } });
  return count === 1;
}
