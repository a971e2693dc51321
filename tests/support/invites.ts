import { seriesInviteMails } from "~/mail/invites.server";
import { queueMail } from "~/models/mail.server";
import { loadRitualRecord } from "~/models/ritual-record.server";

/** Queues a saved ritual's series invite, as saving it from the editor does; answers how many were new. */
export async function queueSeriesInvites(teamId: string, ritualId: string, now: number): Promise<number> {
  const record = await loadRitualRecord(teamId, ritualId);
  if (!record) throw new Error(`no ritual ${ritualId}`);
  return queueMail(await seriesInviteMails(record, now), now);
}
