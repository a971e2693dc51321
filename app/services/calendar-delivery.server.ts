/**
 * How a member's meetings reach their calendar: mailed invites (the default), or their
 * subscription feed. Never both, so each meeting shows once: a member with a feed gets
 * no invites, and switching mails what removes or restores the mailed copies.
 */
import { seriesCancellationMails, seriesInviteMails, type Recipients } from "~/mail/invites.server";
import { getFeedStatus, revokeFeedToken, rotateFeedToken } from "~/models/calendar-feed.server";
import { queueMail, type MailDraft } from "~/models/mail.server";
import { ritualsWith } from "~/models/ritual.server";
import { loadRitualRecord, type RitualRecord } from "~/models/ritual-record.server";
import { inTransaction, type DbOrTransaction } from "~/utils/db.server";

async function mailsForEachRitual(
  teamId: string,
  memberId: string,
  db: DbOrTransaction,
  mails: (record: RitualRecord, them: Recipients) => Promise<MailDraft[]>,
): Promise<MailDraft[]> {
  const them = { memberIds: new Set([memberId]), contactIds: new Set<string>() };
  const drafts: MailDraft[] = [];
  for (const { id } of await ritualsWith(memberId, db)) {
    const record = await loadRitualRecord(teamId, id, db);
    if (record) drafts.push(...(await mails(record, them)));
  }
  return drafts;
}

/**
 * A new feed address for the member (the old one, if any, stops working). The first one
 * moves them to the feed: the series they were mailed are cancelled in their calendar,
 * read while they still take mail.
 */
export function followByFeed(teamId: string, memberId: string, now = Date.now()): Promise<string> {
  return inTransaction(async (db) => {
    const hadFeed = (await getFeedStatus(memberId, db)) !== null;
    const cancellations = hadFeed
      ? []
      : await mailsForEachRitual(teamId, memberId, db, (record, them) =>
          seriesCancellationMails(record, now, them, "to-feed"),
        );
    const token = await rotateFeedToken(memberId, db);
    await queueMail(cancellations, now, db);
    return token;
  });
}

/** Stops the member's feed and mails them each series again, so their meetings stay in their calendar. */
export function followByInvites(teamId: string, memberId: string, now = Date.now()): Promise<void> {
  return inTransaction(async (db) => {
    if (!(await revokeFeedToken(memberId, db))) return;
    const invites = await mailsForEachRitual(teamId, memberId, db, (record, them) =>
      seriesInviteMails(record, now, null, them),
    );
    await queueMail(invites, now, db);
  });
}
