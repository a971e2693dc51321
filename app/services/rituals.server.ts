/**
 * What a team does to a ritual as a whole: save it from the editor, delete
 * it. Each action reads what it needs once, decides with the domain, and
 * writes the change and the mail it sends in one transaction.
 */
import { ruleOf } from "~/domain/ritual";
import { ritualWarnings, unconfirmed, type RitualWarning } from "~/domain/ritual-warnings";
import type { RitualDraft } from "~/domain/ritual";
import type { FieldErrors } from "~/domain/validation";
import { seriesCancellationMails, seriesInviteMails, type Recipients } from "~/mail/invites.server";
import { queueMail, type MailDraft } from "~/models/mail.server";
import { loadRitualRecord, type RitualRecord } from "~/models/ritual-record.server";
import {
  deleteRitual as deleteRitualRow,
  insertRitual,
  listStoredMeetings,
  prepareRitual,
  rewriteRitual,
  ritualMadeBy,
  type RitualPeople,
} from "~/models/ritual.server";
import { inTransaction, type DbOrTransaction } from "~/utils/db.server";

/** The editor's form as the route parsed it. */
export interface RitualForm {
  draft: RitualDraft;
  people: RitualPeople;
  /** The warnings the person confirmed ("length", "orphans"). */
  confirmed: readonly string[];
  /** One per editor form: sending it twice creates one ritual. */
  creationToken?: string;
}

export type SaveRitualOutcome =
  | { status: "saved"; ritualId: string }
  | { status: "invalid"; errors: FieldErrors }
  /** Nothing saved: these must be confirmed first. */
  | { status: "unconfirmed"; warnings: RitualWarning[]; timeZone: string }
  | { status: "unknown" };

/**
 * Saves the editor's form as a new ritual (`ritualId` undefined) or over one
 * of the team's, and queues the series invite for everyone on it (again, when
 * the change raised its sequence), all in one transaction.
 */
export async function saveRitual(
  teamId: string,
  ritualId: string | undefined,
  form: RitualForm,
  now = Date.now(),
): Promise<SaveRitualOutcome> {
  return inTransaction(async (db): Promise<SaveRitualOutcome> => {
    // The ritual as it was: what the edit starts from, and who was sent it.
    const before = ritualId === undefined ? null : await loadRitualRecord(teamId, ritualId, db);
    if (ritualId !== undefined && !before) return { status: "unknown" };
    const editing = before?.ritual ?? null;
    if (!editing) {
      const earlier = await ritualMadeBy(teamId, form.creationToken, db);
      if (earlier) return { status: "saved", ritualId: earlier.id };
    }
    const prepared = await prepareRitual(teamId, form.draft, form.people, db);
    if (!prepared.ok) return { status: "invalid", errors: prepared.errors };
    const series = editing ? { rule: editing, meetings: await listStoredMeetings(editing.id, db) } : null;
    const warnings = ritualWarnings(prepared.input.kind, ruleOf(prepared.input), series, {
      now,
      mailsCustomer: (form.people.contactIds?.length ?? 0) > 0,
    });
    if (unconfirmed(warnings, form.confirmed).length > 0) {
      return { status: "unconfirmed", warnings, timeZone: prepared.input.timeZone };
    }
    const saved = editing
      ? await rewriteRitual(teamId, editing.id, prepared, db)
      : { ok: true as const, value: await insertRitual(teamId, prepared, db, { creationToken: form.creationToken }) };
    if (!saved.ok) return { status: "invalid", errors: saved.errors };
    const record = (await loadRitualRecord(teamId, saved.value.id, db))!;
    const cancellations = before ? await seriesCancellationMails(before, now, takenOff(before, record)) : [];
    await queueMail([...(await seriesInviteMails(record, now, before)), ...cancellations], now, db);
    return { status: "saved", ritualId: saved.value.id };
  });
}

/**
 * Deletes one of the team's rituals with its meetings and notes, and mails
 * everyone it was sent to (customers too) the cancellation of the whole
 * series; false when the team has no such ritual.
 */
export async function deleteRitual(teamId: string, ritualId: string, now = Date.now()): Promise<boolean> {
  return inTransaction(async (db) => {
    const record = await loadRitualRecord(teamId, ritualId, db);
    if (!record) return false;
    const cancellations = await seriesCancellationMails(record, now);
    if (!(await deleteRitualRow(teamId, ritualId, db))) return false;
    await queueMail(cancellations, now, db);
    return true;
  });
}

/** Who was on the ritual before and is not now: they are told the series left their calendar. */
function takenOff(before: RitualRecord, after: RitualRecord): Recipients {
  const still = new Set([...after.attendees.map((a) => a.memberId), ...after.contacts.map((c) => c.id)]);
  return {
    memberIds: new Set(before.attendees.map((a) => a.memberId).filter((id) => !still.has(id))),
    contactIds: new Set(before.contacts.map((c) => c.id).filter((id) => !still.has(id))),
  };
}

/** The mail `mails` makes from each of these rituals, each ritual's record read once. */
export async function mailsForRituals(
  teamId: string,
  ritualIds: readonly string[],
  db: DbOrTransaction,
  mails: (record: RitualRecord) => Promise<MailDraft[]>,
): Promise<MailDraft[]> {
  const drafts: MailDraft[] = [];
  for (const ritualId of ritualIds) {
    const record = await loadRitualRecord(teamId, ritualId, db);
    if (record) drafts.push(...(await mails(record)));
  }
  return drafts;
}

/**
 * The cancellations for people about to be taken off these rituals (a member
 * removed from the team, a customer's contact removed): read before the
 * removal takes their places with it, queued after it.
 */
export function cancellationsForTakenOff(
  teamId: string,
  ritualIds: readonly string[],
  takenOff: Recipients,
  now: number,
  db: DbOrTransaction,
): Promise<MailDraft[]> {
  return mailsForRituals(teamId, ritualIds, db, (record) => seriesCancellationMails(record, now, takenOff));
}
