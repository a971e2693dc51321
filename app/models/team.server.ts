import { newTeamSchema, teamSchema, type MemberProfile, type TeamInput } from "~/domain/people";
import { userFields, type SessionUser } from "./user.server";
import { validate, type WriteResult } from "~/domain/validation";
import { prisma, type DbOrTransaction } from "~/utils/db.server";
import { personRow, type FixedId } from "./member.server";
import { memberRole } from "./columns";

// Teams and who belongs to them: creating a team with its owner, joining, and claims on listed members.

export async function createTeam(
  input: unknown,
  db: DbOrTransaction = prisma,
  { id }: FixedId = {},
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(teamSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const team: TeamInput = parsed.data;
  return { ok: true, value: await db.team.create({ data: { id, ...team } }) };
}

export function getTeam(teamId: string, db: DbOrTransaction = prisma) {
  return db.team.findUnique({ where: { id: teamId } });
}

export interface Membership {
  user: SessionUser;
  team: { id: string; name: string; timeZone: string };
  member: { id: string; name: string; role: "owner" | "member"; timeZone: string };
}

/** The user's place in a team, or null when they are not in it. */
export async function getMembership(userId: string, teamId: string): Promise<Membership | null> {
  // Read on every team page: only the columns it answers with.
  const member = await prisma.member.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: {
      id: true,
      name: true,
      role: true,
      timeZone: true,
      team: { select: { id: true, name: true, timeZone: true } },
      user: { select: userFields },
    },
  });
  if (!member?.user) return null;
  return {
    user: member.user,
    team: member.team,
    member: { id: member.id, name: member.name, role: memberRole(member.role), timeZone: member.timeZone },
  };
}

export function listTeamsForUser(userId: string) {
  return prisma.team.findMany({
    where: { members: { some: { userId } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
}

/** A new team with the user as its owner. */
export async function createTeamWithOwner(
  user: SessionUser,
  input: unknown,
  db: DbOrTransaction = prisma,
  { id }: FixedId = {},
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(newTeamSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const { teamName, teamTimeZone, ...profile } = parsed.data;
  const team = await db.team.create({
    data: {
      id,
      name: teamName,
      timeZone: teamTimeZone,
      members: { create: { ...personRow({ ...profile, email: user.email }), userId: user.id, role: "owner" } },
    },
  });
  return { ok: true, value: team };
}

/** Adds a signed-up user to a team as a member with their own profile. */
export async function addUserAsMember(
  teamId: string,
  user: SessionUser,
  profile: MemberProfile,
  db: DbOrTransaction = prisma,
): Promise<WriteResult<{ id: string }>> {
  const existing = await db.member.findFirst({
    where: { teamId, OR: [{ userId: user.id }, { email: user.email }] },
  });
  if (existing?.userId === user.id) return { ok: false, errors: { form: "validation.alreadyMember" } };
  // Someone the team already listed by email (without an account) becomes this user.
  const data = { ...personRow({ ...profile, email: user.email }), userId: user.id, role: existing?.role ?? "member" };
  const member = existing
    ? await db.member.update({ where: { id: existing.id }, data })
    : await db.member.create({ data: { teamId, ...data } });
  return { ok: true, value: member };
}

/** Members someone has claimed to be, with who claimed them: for an owner to confirm or refuse. */
export async function listMemberClaims(teamId: string) {
  const claimed = await prisma.member.findMany({ where: { teamId, claimedByUserId: { not: null } } });
  const users = await prisma.user.findMany({
    where: { id: { in: claimed.map((member) => member.claimedByUserId!) } },
    select: { id: true, name: true, email: true },
  });
  return claimed.map((member) => ({
    memberId: member.id,
    memberName: member.name,
    user: users.find((user) => user.id === member.claimedByUserId) ?? null,
  }));
}

/**
 * An owner's answer to a claim: "it is them" links the account to the member; otherwise
 * the claim is dropped. Answers who had claimed it, or null when there was no such claim.
 */
export async function settleMemberClaim(
  db: DbOrTransaction,
  teamId: string,
  memberId: string,
  confirm: boolean,
): Promise<{ userId: string; memberName: string; email: string } | null> {
  const member = await db.member.findFirst({ where: { id: memberId, teamId, claimedByUserId: { not: null } } });
  if (!member) return null;
  const userId = member.claimedByUserId!;
  if (confirm && (await db.member.findFirst({ where: { teamId, userId } }))) return null;
  await db.member.update({
    where: { id: member.id },
    data: confirm ? { userId, claimedByUserId: null } : { claimedByUserId: null },
  });
  return { userId, memberName: member.name, email: member.email };
}

/**
 * A newly signed-up account claims every member teams listed with its address, and
 * unclaimed: each waits for an owner of that team to confirm it is them.
 */
export async function claimListedMembers(db: DbOrTransaction, user: SessionUser) {
  const listed = await db.member.findMany({
    where: { email: user.email, userId: null, claimedByUserId: null },
    select: { id: true, name: true, teamId: true },
  });
  await db.member.updateMany({
    where: { id: { in: listed.map((member) => member.id) } },
    data: { claimedByUserId: user.id },
  });
  return listed;
}

/** The teams (or the one team) where this account waits for an owner to confirm who it is. */
export function claimsOfUser(userId: string, teamId?: string) {
  return prisma.member.findMany({
    where: { claimedByUserId: userId, ...(teamId ? { teamId } : {}) },
    orderBy: { createdAt: "asc" },
    select: { name: true, team: { select: { id: true, name: true } } },
  });
}

/** A team's owners who have accounts and take mail: whom to tell of something only an owner can settle. */
export function ownersToMail(teamId: string, db: DbOrTransaction = prisma) {
  return db.member.findMany({
    where: { teamId, role: "owner", userId: { not: null }, emailsOff: false },
    select: { name: true, email: true, user: { select: { language: true } } },
  });
}
