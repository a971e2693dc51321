/**
 * What a team does to one meeting: move it, cancel it, bring it back, and
 * send a tea time's recap. A change and the mail that tells everyone of it
 * are written in one transaction.
 */
import type { MeetingException } from "~/domain/recurrence";
import type { WriteResult } from "~/domain/validation";
import { meetingUpdateMails } from "~/mail/invites.server";
import { recapMails } from "~/mail/recap.server";
import { queueMail } from "~/models/mail.server";
import { findMeetingOf, recordMeetingChange, recordMeetingRestore, type FoundMeeting } from "~/models/meeting.server";
import { carriedFromEarlier, pageOf, shareTokenOf, type MeetingRef } from "~/models/note.server";
import { loadRitualRecord } from "~/models/ritual-record.server";
import { inTransaction, type DbOrTransaction } from "~/utils/db.server";
import { hostsAway } from "~/models/days-off.server";
import { coverDays } from "~/domain/days-off";

type MeetingWrite = (found: FoundMeeting, db: DbOrTransaction) => Promise<WriteResult<{ sequence: number }>>;

/** Writes one change to a meeting and queues its invite or cancellation for everyone on the ritual. */
async function changeAndTell(ref: MeetingRef, write: MeetingWrite, now: number) {
  return inTransaction(async (db): Promise<WriteResult<{ sequence: number }>> => {
    const record = await loadRitualRecord(ref.teamId, ref.ritualId, db);
    const found = record && (await findMeetingOf(record.ritual, ref.originalStart, db));
    if (!record || !found) return { ok: false, errors: { form: "validation.meetingUnknown" } };
    const written = await write(found, db);
    if (!written.ok) return written;
    const changed = (await findMeetingOf(record.ritual, ref.originalStart, db))!;
    const previousStart = found.meeting.cancelled ? null : found.meeting.start;
    await queueMail(await meetingUpdateMails(record, changed.meeting, previousStart), now, db);
    return written;
  });
}

/** Cancels or moves one meeting of one of the team's rituals. */
export function changeMeeting(teamId: string, ritualId: string, change: MeetingException, now = Date.now()) {
  const ref = { teamId, ritualId, originalStart: change.originalStart };
  return changeAndTell(ref, (found, db) => recordMeetingChange(found, change, db), now);
}

/** Brings a cancelled or moved meeting back to the time its rule gives it. */
export function restoreMeeting(teamId: string, ritualId: string, originalStart: number, now = Date.now()) {
  return changeAndTell({ teamId, ritualId, originalStart }, recordMeetingRestore, now);
}

/**
 * Mails a tea time's recap to the customer's contacts: what its shared page
 * shows. Answers how many contacts it went to (null: not a tea time).
 */
export async function sendRecap(ref: MeetingRef, now = Date.now()): Promise<number | null> {
  const record = await loadRitualRecord(ref.teamId, ref.ritualId);
  if (!record?.ritual.customer) return null;
  // As the shared page: this page's shared items, with the shared risks and the deadline carried from earlier meetings.
  const [page, carried, away] = await Promise.all([
    pageOf(ref),
    carriedFromEarlier(ref, { sharedOnly: true }),
    hostsAway(ref.ritualId, coverDays(record.ritual.customer.timeZone, now, ref.originalStart)),
  ]);
  const drafts = await recapMails(record, ref.originalStart, page, carried, page && shareTokenOf(page), away);
  await queueMail(drafts, now);
  return record.contacts.length;
}
