import { hash, verify } from "@node-rs/argon2";
import { changePasswordSchema, signUpSchema } from "~/domain/account";
import { validate, type WriteResult } from "~/domain/validation";
import { inTransaction, prisma, type DbOrTransaction } from "~/utils/db.server";
import { PER_PAIR } from "~/domain/sign-in-throttle";
import { signInSucceeded, takeSignInAttempt } from "./sign-in-throttle.server";
import { DEFAULT_LANGUAGE, type Language } from "~/domain/languages";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export const userFields = { id: true, email: true, name: true } as const;

/** argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function createUser(
  input: unknown,
  db: DbOrTransaction = prisma,
  { id, language = DEFAULT_LANGUAGE }: { id?: string; language?: Language } = {},
): Promise<WriteResult<SessionUser>> {
  const parsed = validate(signUpSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const { email, name, password } = parsed.data;
  if (await db.user.findUnique({ where: { email } }))
    return { ok: false, errors: { email: "validation.accountExists" } };
  const user = await db.user.create({
    data: { id, email, name, language, passwordHash: await hashPassword(password) },
    select: userFields,
  });
  return { ok: true, value: user };
}

/** The account an address belongs to, with the language its mail is written in. */
export function userWithEmail(email: string, db: DbOrTransaction = prisma) {
  return db.user.findUnique({ where: { email }, select: { ...userFields, language: true } });
}

/** Makes the account a mailed sign-up link stood for; the form was checked when it was sent. */
export function createSignedUpUser(
  db: DbOrTransaction,
  account: { email: string; name: string; passwordHash: string; language: Language },
): Promise<SessionUser> {
  return db.user.create({ data: account, select: userFields });
}

/** A new password, and every session ended: a stolen cookie stops working with the old password. */
export async function replacePassword(db: DbOrTransaction, userId: string, passwordHash: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordHash } });
  await db.session.deleteMany({ where: { userId } });
}

/** The language the person chose in the app: their mail is written in it. */
export async function setUserLanguage(userId: string, language: Language): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId }, data: { language } });
}

/** Where and in which language to mail the account's owner. */
export function userToMail(userId: string, db: DbOrTransaction = prisma) {
  return db.user.findUnique({ where: { id: userId }, select: { name: true, email: true, language: true } });
}

/**
 * Replaces the user's password after checking the current one, and ends every
 * session they have: a stolen cookie stops working with the old password.
 */
export async function changePassword(userId: string, input: unknown): Promise<WriteResult<null>> {
  const parsed = validate(changePasswordSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  // Someone at an unattended, signed-in browser may guess: the same waits as for signing in.
  const throttle = [{ key: `password:${userId}`, rule: PER_PAIR }];
  if ((await takeSignInAttempt(throttle)) > 0) {
    return { ok: false, errors: { currentPassword: "validation.tooManyPasswordChecks" } };
  }
  const user = await prisma.user.findUnique({ where: { id: userId } });
  const valid = user && (await verify(user.passwordHash, parsed.data.currentPassword).catch(() => false));
  if (!valid) return { ok: false, errors: { currentPassword: "validation.currentPasswordWrong" } };
  await signInSucceeded(throttle);
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await inTransaction((db) => replacePassword(db, userId, passwordHash));
  return { ok: true, value: null };
}

/** The user whose password this is, or null; the same work is done for unknown emails, so timing tells nothing. */
export async function verifyLogin(email: string, password: string): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const valid = await verify(user?.passwordHash ?? UNKNOWN_USER_HASH, password).catch(() => false);
  return user && valid ? { id: user.id, email: user.email, name: user.name } : null;
}

// A real argon2id hash (of nothing that matters: an unknown email never signs in), so that
// looking up an unknown email costs as much as checking a known one.
const UNKNOWN_USER_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$gXbOotgtMWHgc54c1LV8zw$r01XcmovbWPs86D/irASoMvSDXWCgym0XX48RTiH1YA";
