import { createTeamWithOwner, getMembership } from "~/models/team.server";
import { createUser, type SessionUser } from "~/models/user.server";
import { sessionCookieFor } from "~/utils/session.server";

/** Working hours and zone for test members who join or found a team. */
export const workingProfile = {
  timeZone: "Europe/Berlin",
  workStart: "09:00",
  workEnd: "17:00",
  workDays: ["1", "2", "3", "4", "5"],
};

export const TEST_PASSWORD = "correct horse battery";

export async function signedUpUser(email: string): Promise<SessionUser> {
  const created = await createUser({ name: email.split("@")[0], email, password: TEST_PASSWORD });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.value;
}

/** A new team with `owner` as its owner, and the owner's member id. */
export async function teamOwnedBy(owner: SessionUser, name = "Crew") {
  const team = await createTeamWithOwner(owner, {
    teamName: name,
    teamTimeZone: "Europe/Berlin",
    name: owner.name,
    ...workingProfile,
  });
  if (!team.ok) throw new Error(JSON.stringify(team.errors));
  const member = (await getMembership(owner.id, team.value.id))!.member;
  return { teamId: team.value.id, memberId: member.id };
}

/** The Cookie header a browser would send once `userId` has signed in. */
export async function sessionCookie(userId: string): Promise<string> {
  return (await sessionCookieFor(userId)).split(";")[0]!;
}

/** A route action, as the tests call it. */
export type FormAction = (args: {
  request: Request;
  params: Record<string, string>;
  context: { clientAddress: string };
}) => Promise<unknown>;

/**
 * Posts a form to a route's action as a browser at `address` would: the reply's status,
 * where it leads, its cookies, and the errors it shows beside the fields.
 */
export async function postForm(
  action: FormAction,
  fields: Record<string, string>,
  {
    address = "",
    cookie = "",
    params = {},
  }: { address?: string; cookie?: string; params?: Record<string, string> } = {},
) {
  const request = new Request("http://localhost/form", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
  // A thrown answer (a redirect, a 404 from `data()`) is the page's reply too.
  const reply = await action({ request, params, context: { clientAddress: address } }).catch((error: unknown) => {
    if (error instanceof Response || (error as { init?: unknown } | null)?.init) return error;
    throw error;
  });
  if (reply instanceof Response) {
    const cookies = reply.headers.getSetCookie().map((value) => value.split(";")[0]!);
    return {
      status: reply.status,
      location: reply.headers.get("location"),
      cookies,
      errors: {} as Record<string, string>,
    };
  }
  // `data()` carries a status and a body; a plain object is a 200's body.
  type Body = { errors?: Record<string, string> };
  const { init, data } = reply as { init?: { status: number } | null; data?: Body };
  const body = data ?? (reply as Body);
  return { status: (data && init?.status) || 200, location: null, cookies: [] as string[], errors: body.errors ?? {} };
}
