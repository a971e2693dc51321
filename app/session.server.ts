import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { env } from "./env.server";

const THIRTY_DAYS = 60 * 60 * 24 * 30;

export const sessionStorage = createCookieSessionStorage<{ userId: string }>({
  cookie: {
    name: "__session",
    httpOnly: true,
    sameSite: "lax",
    secure: env.isProduction,
    path: "/",
    secrets: env.sessionSecrets,
    maxAge: THIRTY_DAYS,
  },
});

function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

export async function getSessionUserId(request: Request): Promise<string | undefined> {
  return (await getSession(request)).get("userId");
}

/** Signs the user in and sends them on; a fresh session each time, so an old cookie cannot be fixed on them. */
export async function startUserSession(userId: string, redirectTo: string): Promise<Response> {
  const session = await sessionStorage.getSession();
  session.set("userId", userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionStorage.commitSession(session) } });
}

export async function endUserSession(request: Request): Promise<Response> {
  return redirect("/", { headers: { "Set-Cookie": await sessionStorage.destroySession(await getSession(request)) } });
}
