import { prisma } from "~/utils/db.server";
import { hashSecretToken, newSecretToken } from "./secret-token.server";
import { DAY } from "~/domain/durations";
import { type SessionUser, userFields } from "./user.server";

/** How long a session lasts without use; every day of use pushes the end on again. */
export const SESSION_DAYS = 30;

/** A new signed-in session for the user: the token goes in the cookie, its hash in the database. */
export async function createSession(userId: string, now = Date.now()): Promise<string> {
  const token = newSecretToken();
  await prisma.session.create({
    data: { id: hashSecretToken(token), userId, expiresAt: new Date(now + SESSION_DAYS * DAY) },
  });
  return token;
}

/**
 * The user a session token belongs to (read with the session, in one query),
 * while the session exists and has not expired. Use keeps it alive: its end
 * moves on, at most once a day.
 */
export async function sessionUser(token: string, now = Date.now()): Promise<SessionUser | null> {
  const id = hashSecretToken(token);
  const session = await prisma.session.findUnique({ where: { id }, include: { user: { select: userFields } } });
  if (!session || session.expiresAt.getTime() <= now) return null;
  if (session.expiresAt.getTime() - now < (SESSION_DAYS - 1) * DAY) {
    // Reading needs no write: when the database cannot take one, the session keeps its end for now.
    await prisma.session
      .updateMany({ where: { id }, data: { expiresAt: new Date(now + SESSION_DAYS * DAY) } })
      .catch((error: unknown) => {
        if (!(error instanceof Response && error.status === 503)) throw error;
      });
  }
  return session.user;
}

/** Ends one session: its cookie, wherever it was copied to, no longer signs anyone in. */
export async function revokeSession(token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: hashSecretToken(token) } });
}

/** Ends every session of the user (sign out everywhere, a new password). */
export async function revokeAllSessions(userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}
