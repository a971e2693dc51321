import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { env } from "./env.server";
import { createSession, revokeAllSessions, revokeSession, SESSION_DAYS, sessionUser } from "~/models/session.server";

/** The cookie carries only a session token; the session itself lives in the database, where it can be ended. */
export const sessionStorage = createCookieSessionStorage<{ token: string }>({
  cookie: {
    name: "__session",
    httpOnly: true,
    sameSite: "lax",
    secure: env.isProduction,
    path: "/",
    secrets: env.sessionSecrets,
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  },
});

function cookieSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

/** The session token the browser's cookie carries, if any. */
export async function sessionToken(request: Request): Promise<string | undefined> {
  return (await cookieSession(request)).get("token");
}

/** The Set-Cookie value that signs a browser in as the user, with a new session. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const session = await sessionStorage.getSession();
  session.set("token", await createSession(userId));
  return sessionStorage.commitSession(session);
}

/**
 * Signs the user in and sends them on; a fresh session each time, so an old
 * cookie cannot be fixed on them. `alsoSet`: further Set-Cookie values.
 */
export async function startUserSession(userId: string, redirectTo: string, alsoSet: string[] = []): Promise<Response> {
  const headers = new Headers();
  for (const cookie of [await sessionCookieFor(userId), ...alsoSet]) headers.append("Set-Cookie", cookie);
  return redirect(redirectTo, { headers });
}

/** Signs this browser out, or (everywhere) every browser the user is signed in on. */
export async function endUserSession(request: Request, { everywhere = false } = {}): Promise<Response> {
  const cookie = await cookieSession(request);
  const token = cookie.get("token");
  if (token) {
    const user = everywhere ? await sessionUser(token) : null;
    if (user) await revokeAllSessions(user.id);
    else await revokeSession(token);
  }
  return redirect("/", { headers: { "Set-Cookie": await sessionStorage.destroySession(cookie) } });
}
