import { data, redirect } from "@remix-run/node";
import { claimsOfUser, getMembership, type Membership } from "~/models/team.server";
import { sessionUser } from "~/models/session.server";
import type { SessionUser } from "~/models/user.server";
import { sessionToken } from "./session.server";
import { notFound } from "~/utils/responses.server";
import { sharedWhileRunning } from "~/utils/shared-while-running";
import type { AwaitingConfirmation } from "~/views/awaiting-confirmation";

/**
 * The framework starts a page's loaders (the root's, the team layout's, its
 * own) together, each on a copy of the request, and each asks who is signing
 * in: asked again while the first read is under way, it shares that read.
 */
const readSessionUser = sharedWhileRunning((token: string) => token, sessionUser);
const readMembership = sharedWhileRunning((userId: string, teamId: string) => `${userId} ${teamId}`, getMembership);

export async function getCurrentUser(request: Request): Promise<SessionUser | null> {
  const token = await sessionToken(request);
  return token ? readSessionUser(token) : null;
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
  const membership = teamId ? await readMembership(user.id, teamId) : null;
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
