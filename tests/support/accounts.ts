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
