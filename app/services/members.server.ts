/** What an owner does to the team's people as a whole: members, and customers' contacts. */
import { queueMail } from "~/models/mail.server";
import { deleteContact } from "~/models/customer.server";
import { removeMember as removeMemberRow, setMemberRole } from "~/models/member.server";
import { memberAlone } from "~/mail/invites.server";
import { ritualIdsWithContact, ritualIdsWithMember } from "~/models/ritual.server";
import { cancellationsForTakenOff } from "~/services/rituals.server";
import type { WriteResult } from "~/domain/validation";
import { inTransaction } from "~/utils/db.server";

/**
 * Removes someone from the team, with their places on rituals, and mails them
 * the cancellation of each series they were on; the check that a team keeps
 * an owner, the removal and the mail are one transaction.
 */
export function removeMember(teamId: string, memberId: string, now = Date.now()) {
  return inTransaction(async (db) => {
    const ritualIds = await ritualIdsWithMember(memberId, db);
    const cancellations = await cancellationsForTakenOff(teamId, ritualIds, memberAlone(memberId), now, db);
    const removed = await removeMemberRow(teamId, memberId, db);
    if (removed.ok) await queueMail(cancellations, now, db);
    return removed;
  });
}

/** Removes a customer's contact and mails them the cancellation of each tea time they were invited to. */
export function removeContact(teamId: string, customerId: string, contactId: string, now = Date.now()) {
  return inTransaction(async (db) => {
    const them = { memberIds: new Set<string>(), contactIds: new Set([contactId]) };
    const ritualIds = await ritualIdsWithContact(contactId, db);
    const cancellations = await cancellationsForTakenOff(teamId, ritualIds, them, now, db);
    const removed = await deleteContact(teamId, customerId, contactId, db);
    if (removed) await queueMail(cancellations, now, db);
    return removed;
  });
}

/** Makes a member an owner, or an owner a member again (never the last owner). */
export function changeRole(teamId: string, memberId: string, role: "owner" | "member") {
  return inTransaction((db) => setMemberRole(teamId, memberId, role, db));
}

/** Hands ownership from one owner to another member: both changes land, or neither. */
export function handOverOwnership(teamId: string, fromId: string, toId: string): Promise<WriteResult<{ id: string }>> {
  if (fromId === toId) return Promise.resolve({ ok: false, errors: { form: "validation.memberUnknown" } });
  return inTransaction(async (db) => {
    const promoted = await setMemberRole(teamId, toId, "owner", db);
    return promoted.ok ? setMemberRole(teamId, fromId, "member", db) : promoted;
  });
}
