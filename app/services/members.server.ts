/** What an owner does to the team's people as a whole. */
import { removeMember as removeMemberRow } from "~/models/member.server";
import { inTransaction } from "~/utils/db.server";

/**
 * Removes someone from the team, with their places on rituals; the check that
 * a team keeps an owner and the removal are one transaction.
 */
export function removeMember(teamId: string, memberId: string) {
  return inTransaction((db) => removeMemberRow(teamId, memberId, db));
}
