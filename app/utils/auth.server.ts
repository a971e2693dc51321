import { data, redirect } from "@remix-run/node";
import { claimsOfUser, getMembership, type Membership } from "~/models/team.server";
import { sessionUser } from "~/models/session.server";
import type { SessionUser } from "~/models/user.server";
import { sessionToken } from "./session.server";
import { notFound } from "~/utils/responses.server";
import type { AwaitingConfirmation } from "~/views/awaiting-confirmation";

/**
 * What a request has read of who asks, by request: a page's loaders (the
 * root's, the team layout's, its own) run on one request and each asks, so the
 * session and the membership are read once. An action's loaders run on a new one.
 */
const userOfRequest = new WeakMap<Request, Promise<SessionUser | null>>();
const membershipsOfRequest = new WeakMap<Request, Map<string, Promise<Membership | null>>>();

export function getCurrentUser(request: Request): Promise<SessionUser | null> {
  let user = userOfRequest.get(request);
  if (!user) {
    user = sessionToken(request).then((token) => (token ? sessionUser(token) : null));
    userOfRequest.set(request, user);
  }
  return user;
}

function membershipOf(request: Request, userId: string, teamId: string): Promise<Membership | null> {
  const memberships = membershipsOfRequest.get(request) ?? new Map<string, Promise<Membership | null>>();
  membershipsOfRequest.set(request, memberships);
  let membership = memberships.get(teamId);
  if (!membership) {
    membership = getMembership(userId, teamId);
    memberships.set(teamId, membership);
  }
  return membership;
}

/** The signed-in user, or a redirect to sign in that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  return user;
}

/**
 * The one check in front of every team's data: the signed-in user's membership
 * of this team. Anyone else gets 404, so other teams' ids reveal nothing; except
 * someone waiting to be confirmed in it, whose mail links lead here.
 */
export async function requireMember(request: Request, teamId: string | undefined): Promise<Membership> {
  const user = await requireUser(request);
  const membership = teamId ? await membershipOf(request, user.id, teamId) : null;
  if (membership) return membership;
  const [claim] = teamId ? await claimsOfUser(user.id, teamId) : [];
  if (!claim) throw notFound();
  throw data({ waiting: { team: claim.team.name, member: claim.name } } satisfies AwaitingConfirmation, {
    status: 403,
  });
}

/** Owners alone may delete rituals, remove members and manage invites and tokens. */
export async function requireOwner(request: Request, teamId: string | undefined): Promise<Membership> {
  const membership = await requireMember(request, teamId);
  if (membership.member.role !== "owner") throw new Response("Only owners can do this", { status: 403 });
  return membership;
}
