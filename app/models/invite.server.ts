import { memberProfileSchema } from "~/domain/people";
import { validate, type WriteResult } from "~/domain/validation";
import { prisma, type DbOrTransaction } from "~/utils/db.server";
import { hashSecretToken as hashToken, newSecretToken } from "./secret-token.server";
import { addUserAsMember } from "./team.server";
import type { SessionUser } from "./user.server";

/** How long an invite link works. */
export const INVITE_DAYS = 7;

/** A new single-use link; the token is shown (or mailed to `email`) once and only its hash is kept. */
export async function createInvite(
  teamId: string,
  createdByMemberId: string,
  now = new Date(),
  { email = null, db = prisma }: { email?: string | null; db?: DbOrTransaction } = {},
) {
  const token = newSecretToken();
  const invite = await db.invite.create({
    data: {
      teamId,
      createdByMemberId,
      email,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + INVITE_DAYS * 24 * 60 * 60 * 1000),
    },
  });
  return { token, id: invite.id, expiresAt: invite.expiresAt };
}

/** Invites that can still be used. */
export function listOpenInvites(teamId: string, now = new Date()) {
  return prisma.invite.findMany({
    where: { teamId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeInvite(teamId: string, inviteId: string, now = new Date()): Promise<boolean> {
  const { count } = await prisma.invite.updateMany({
    where: { id: inviteId, teamId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}

function findInvite(token: string) {
  return prisma.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { team: { select: { id: true, name: true, timeZone: true } } },
  });
}

/** The team an invite link leads to, while the link is unused, unrevoked and unexpired. */
export async function findUsableInvite(token: string, now = new Date()) {
  const invite = await findInvite(token);
  if (!invite || invite.usedAt || invite.revokedAt || invite.expiresAt <= now) return null;
  return { id: invite.id, team: invite.team, expiresAt: invite.expiresAt };
}

/** A listed member the joining account takes the place of, once an owner confirms it is them. */
export interface ClaimedMember {
  id: string;
  name: string;
  teamId: string;
}

/**
 * Joins the team behind the link. The link is used up in the same transaction,
 * so two people racing with one link cannot both get in. An email address is
 * not verified here, so someone who joins with the email of a member the team
 * listed earlier does not take over that member (and their notes, follow-ups
 * and rituals) at once: an owner confirms it is them first (`pendingAs`).
 */
export async function acceptInvite(
  db: DbOrTransaction,
  token: string,
  user: SessionUser,
  profileInput: unknown,
  now: Date,
): Promise<WriteResult<{ teamId: string; claimed?: ClaimedMember }>> {
  const parsed = validate(memberProfileSchema, profileInput);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const invite = await db.invite.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invite || invite.usedAt || invite.revokedAt || invite.expiresAt <= now) {
    return { ok: false, errors: { form: "validation.inviteUnusable" } };
  }
  const listed = await db.member.findFirst({ where: { teamId: invite.teamId, email: user.email, userId: null } });
  const member = listed
    ? {
        ok: true as const,
        value: await db.member.update({ where: { id: listed.id }, data: { claimedByUserId: user.id } }),
      }
    : await addUserAsMember(invite.teamId, user, parsed.data, db);
  if (!member.ok) return member;
  const { count } = await db.invite.updateMany({
    where: { id: invite.id, usedAt: null },
    data: { usedAt: now, usedByMemberId: member.value.id },
  });
  if (count !== 1) throw new Error("Invite was used concurrently");
  if (!listed) await closeInvitesTo(db, invite.teamId, user.email, member.value.id, now);
  const claimed = listed ? { id: listed.id, name: listed.name, teamId: listed.teamId } : undefined;
  return { ok: true, value: { teamId: invite.teamId, ...(claimed ? { claimed } : {}) } };
}

/** The links still open for an address that is now in the team are used up: the owners' list shows who is missing. */
export async function closeInvitesTo(db: DbOrTransaction, teamId: string, email: string, memberId: string, now: Date) {
  await db.invite.updateMany({
    where: { teamId, email, usedAt: null, revokedAt: null },
    data: { usedAt: now, usedByMemberId: memberId },
  });
}

/**
 * Where the person who opens a link stands in its team: already in it, waiting for an
 * owner to confirm them, or neither (for a link that no longer works: in need of a new one).
 */
export async function inviteStateFor(token: string, userId: string): Promise<InviteState> {
  const invite = await findInvite(token);
  if (!invite) return { state: "gone" };
  const mine = await prisma.member.findFirst({
    where: { teamId: invite.teamId, OR: [{ userId }, { claimedByUserId: userId }] },
    select: { userId: true, name: true },
  });
  if (!mine) return { state: "gone" };
  return mine.userId === userId
    ? { state: "member", teamId: invite.teamId }
    : { state: "waiting", teamName: invite.team.name, memberName: mine.name };
}

export type InviteState =
  { state: "gone" } | { state: "member"; teamId: string } | { state: "waiting"; teamName: string; memberName: string };
