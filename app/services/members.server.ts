/** What an owner does to the team's people as a whole. */
import { seriesCancellationMails } from "~/mail/invites.server";
import { queueMail } from "~/models/mail.server";
import { removeMember as removeMemberRow } from "~/models/member.server";
import { loadRitualRecord } from "~/models/ritual-record.server";
import { ritualsWith } from "~/models/ritual.server";
import { inTransaction } from "~/utils/db.server";

/**
 * Removes someone from the team, with their places on rituals, and mails them
 * the cancellation of each series they were on; the check that a team keeps
 * an owner, the removal and the mail are one transaction.
 */
export function removeMember(teamId: string, memberId: string, now = Date.now()) {
  return inTransaction(async (db) => {
    // Read before the removal takes their places on the rituals with it.
    const records = [];
    for (const ritual of await ritualsWith(memberId, db)) records.push(await loadRitualRecord(teamId, ritual.id, db));
    const removed = await removeMemberRow(teamId, memberId, db);
    if (!removed.ok) return removed;
    const them = { memberIds: new Set([memberId]), contactIds: new Set<string>() };
    for (const record of records) {
      if (record) await queueMail(await seriesCancellationMails(record, now, them), now, db);
    }
    return removed;
  });
}
