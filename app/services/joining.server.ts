/**
 * How people get into a team: invite links (copied by hand or mailed, one per
 * address), and claims on members a team listed before they had an account,
 * which wait for an owner to confirm them. Each action writes its change and
 * the mail it queues in one transaction.
 */
import { invitedAddressesSchema } from "~/domain/people";
import { validate, type WriteResult } from "~/domain/validation";
import { claimSettledMail, claimWaitingMail, teamInviteMail } from "~/mail/account-mail.server";
import { acceptInvite, closeInvitesTo, createInvite, INVITE_DAYS, type ClaimedMember } from "~/models/invite.server";
import { queueMail } from "~/models/mail.server";
import { claimListedMembers, getTeam, ownersToMail, settleMemberClaim } from "~/models/team.server";
import { userToMail, type SessionUser } from "~/models/user.server";
import { inTransaction, type DbOrTransaction } from "~/utils/db.server";
import { sendMailSoon } from "./mail-sender.server";

/** Tells every owner of the claimed member's team that someone waits for them. */
async function mailOwnersOfClaims(
  db: DbOrTransaction,
  claimant: SessionUser,
  claims: readonly ClaimedMember[],
  now: number,
) {
  for (const member of claims) {
    const team = await getTeam(member.teamId, db);
    if (!team) continue;
    const owners = await ownersToMail(team.id, db);
    const mails = await Promise.all(
      owners.map((owner) =>
        claimWaitingMail(
          { name: owner.name, email: owner.email, language: owner.user?.language ?? "en" },
          { team, claimant, member },
        ),
      ),
    );
    await queueMail(mails, now, db);
  }
}

/**
 * Joins the team behind the link. The link is used up in the same transaction, so
 * two people racing with one link cannot both get in. Joining with the address of a
 * listed member waits for an owner, who is mailed.
 */
export async function joinTeam(
  token: string,
  user: SessionUser,
  profileInput: unknown,
  now = Date.now(),
): Promise<WriteResult<{ teamId: string; pendingAs?: string }>> {
  const joined = await inTransaction(async (db) => {
    const accepted = await acceptInvite(db, token, user, profileInput, new Date(now));
    if (accepted.ok && accepted.value.claimed) await mailOwnersOfClaims(db, user, [accepted.value.claimed], now);
    return accepted;
  });
  if (!joined.ok) return joined;
  sendMailSoon();
  const { teamId, claimed } = joined.value;
  return { ok: true, value: { teamId, ...(claimed ? { pendingAs: claimed.name } : {}) } };
}

/** A new account takes up the members teams listed with its address, once their owners confirm. */
export async function claimListedMembersOf(db: DbOrTransaction, user: SessionUser, now: number) {
  await mailOwnersOfClaims(db, user, await claimListedMembers(db, user), now);
}

/** An owner's answer to a claim; the person who claimed is mailed it. False when there was no such claim. */
export async function settleClaim(teamId: string, memberId: string, confirmed: boolean, now = Date.now()) {
  const settled = await inTransaction(async (db) => {
    const claim = await settleMemberClaim(db, teamId, memberId, confirmed);
    if (claim && confirmed) await closeInvitesTo(db, teamId, claim.email, memberId, new Date(now));
    const team = claim && (await getTeam(teamId, db));
    const person = claim && (await userToMail(claim.userId, db));
    if (!claim || !team || !person) return claim !== null;
    const mail = await claimSettledMail(person, { team, memberName: claim.memberName, confirmed }, now);
    await queueMail([mail], now, db);
    return true;
  });
  if (settled) sendMailSoon();
  return settled;
}

/** Mails each address its own invite link; answers how many were sent. */
export async function mailInvites(
  teamId: string,
  inviter: { id: string; name: string; userId: string },
  input: unknown,
  now = Date.now(),
): Promise<WriteResult<{ sent: number }>> {
  const parsed = validate(invitedAddressesSchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const language = (await userToMail(inviter.userId))?.language ?? "en";
  const sent = await inTransaction(async (db) => {
    const team = await getTeam(teamId, db);
    if (!team) return 0;
    const mails = [];
    for (const email of parsed.data.addresses) {
      const link = await createInvite(teamId, inviter.id, new Date(now), { email, db });
      mails.push(await teamInviteMail(email, { team, inviter: inviter.name, language, days: INVITE_DAYS }, link));
    }
    return queueMail(mails, now, db);
  });
  sendMailSoon();
  return { ok: true, value: { sent } };
}
