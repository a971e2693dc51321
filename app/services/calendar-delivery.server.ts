/**
 * How a member's meetings reach their calendar: mailed invites (the default), or their
 * subscription feed. Never both, so each meeting shows once: a member with a feed gets
 * no invites, and switching mails what removes or restores the mailed copies.
 */
import { memberAlone, seriesCancellationMails, seriesInviteMails } from "~/mail/invites.server";
import { getFeedStatus, revokeFeedToken, rotateFeedToken } from "~/models/calendar-feed.server";
import { queueMail } from "~/models/mail.server";
import { ritualIdsWithMember } from "~/models/ritual.server";
import { inTransaction } from "~/utils/db.server";
import { mailsForRituals } from "./rituals.server";

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
      : await mailsForRituals(teamId, await ritualIdsWithMember(memberId, db), db, (record) =>
          seriesCancellationMails(record, now, memberAlone(memberId), "to-feed"),
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
    const invites = await mailsForRituals(teamId, await ritualIdsWithMember(memberId, db), db, (record) =>
      seriesInviteMails(record, now, null, memberAlone(memberId)),
    );
    await queueMail(invites, now, db);
  });
}
