import {
  expandValidRule,
  validateException,
  type MeetingException,
  type SeriesChanges,
  type StoredException,
} from "~/domain/recurrence";
import type { WriteResult } from "~/domain/validation";
import { prisma } from "~/utils/db.server";
import type { Meeting as MeetingRow } from "~/generated/prisma/client";
import { getRitual, highestMeetingSequence } from "./ritual.server";

const MINUTE = 60_000;

/** The rituals' cancelled and moved meetings, by ritual, as the engine and the calendar files take them. */
export async function listExceptionsFor(ritualIds: string[]): Promise<Map<string, StoredException[]>> {
  const rows = await prisma.meeting.findMany({
    where: { ritualId: { in: ritualIds }, ...CHANGED_MEETING },
  });
  const byRitual = new Map<string, StoredException[]>();
  for (const row of rows) byRitual.set(row.ritualId, [...(byRitual.get(row.ritualId) ?? []), toStoredException(row)]);
  return byRitual;
}

/** Which meetings count as changed: the rest follow the rule. */
export const CHANGED_MEETING = { status: { in: ["cancelled", "moved"] } };

/** A cancelled or moved meeting's row as the engine takes it. */
export function toStoredException(row: MeetingRow): StoredException {
  const originalStart = row.originalStart.getTime();
  return row.status === "cancelled"
    ? { originalStart, status: "cancelled", sequence: row.sequence }
    : {
        originalStart,
        status: "moved",
        start: row.start.getTime(),
        durationMinutes: row.durationMinutes,
        sequence: row.sequence,
      };
}

/**
 * A series' cancelled and moved meetings, with the highest sequence and the
 * latest change of any of its meetings: a restored meeting no longer counts as
 * changed, but its invite still changed.
 */
export async function listSeriesChanges(ritualId: string): Promise<SeriesChanges> {
  const rows = await prisma.meeting.findMany({
    where: { ritualId, OR: [CHANGED_MEETING, { status: "scheduled", sequence: { gt: 0 } }] },
  });
  return {
    exceptions: rows.filter((row) => row.status !== "scheduled").map(toStoredException),
    sequence: Math.max(0, ...rows.map((row) => row.sequence)),
    lastModified: rows.length > 0 ? Math.max(...rows.map((row) => row.updatedAt.getTime())) : null,
  };
}

/**
 * One meeting of one of the team's rituals, as the rule gives it, with any
 * change made to it; or a meeting that left the series when its rule changed
 * and is kept for its notes ("detached").
 */
export async function findMeeting(teamId: string, ritualId: string, originalStart: number) {
  const ritual = await getRitual(teamId, ritualId);
  if (!ritual || !Number.isFinite(originalStart)) return null;
  const planned = expandValidRule(ritual, { from: originalStart - MINUTE, to: originalStart + MINUTE }).find(
    (meeting) => meeting.originalStart === originalStart,
  );
  // A meeting's row also outlives a change undone (a restored meeting): its sequence still counts.
  const row = await prisma.meeting.findUnique({
    where: { ritualId_originalStart: { ritualId: ritual.id, originalStart: new Date(originalStart) } },
  });
  const detached = !planned && row?.status === "detached";
  if (!planned && !detached) return null;
  const moved = row?.status === "moved";
  const start = moved || detached ? row.start.getTime() : planned!.start;
  const duration = moved || detached ? row.durationMinutes : ritual.durationMinutes;
  return {
    ritual,
    meeting: {
      originalStart,
      start,
      end: start + duration * MINUTE,
      cancelled: row?.status === "cancelled",
      moved,
      detached,
      sequence: row?.sequence ?? 0,
    },
  };
}

/** Meetings that left a ritual's series when its rule changed, kept for their notes; newest first. */
export async function listDetachedMeetings(teamId: string, ritualId: string) {
  const rows = await prisma.meeting.findMany({
    where: { ritualId, status: "detached", ritual: { teamId } },
    orderBy: { start: "desc" },
    select: { originalStart: true, start: true },
  });
  return rows.map((row) => ({ originalStart: row.originalStart.getTime(), start: row.start.getTime() }));
}

/**
 * The sequence for a change to one of the ritual's meetings: above the series'
 * and above every one of its meetings', since the series invite carries them all
 * (its EXDATEs and overrides) and must rise with each change too.
 */
async function nextSequence(ritual: { id: string; sequence: number }): Promise<number> {
  return Math.max(ritual.sequence, await highestMeetingSequence(ritual.id)) + 1;
}

/**
 * Records a change to one meeting. Each change raises the meeting's sequence
 * above the series', so calendar apps take the new version.
 */
export async function changeMeeting(
  teamId: string,
  ritualId: string,
  change: MeetingException,
): Promise<WriteResult<{ sequence: number }>> {
  const checked = validateException(change);
  if (!checked.success) return { ok: false, errors: checked.errors };
  const found = await findMeeting(teamId, ritualId, change.originalStart);
  if (!found) return { ok: false, errors: { form: "validation.meetingUnknown" } };
  if (found.meeting.detached) return { ok: false, errors: { form: "validation.meetingDetached" } };
  const { ritual, meeting } = found;
  const sequence = await nextSequence(ritual);
  const data =
    change.status === "cancelled"
      ? { status: "cancelled", start: new Date(meeting.start), durationMinutes: ritual.durationMinutes, sequence }
      : { status: "moved", start: new Date(change.start), durationMinutes: change.durationMinutes, sequence };
  await prisma.meeting.upsert({
    where: { ritualId_originalStart: { ritualId: ritual.id, originalStart: new Date(change.originalStart) } },
    create: { ritualId: ritual.id, originalStart: new Date(change.originalStart), ...data },
    update: data,
  });
  return { ok: true, value: { sequence } };
}

/**
 * Undoes a cancellation or a move: the meeting follows the rule again. Its
 * sequence still rises, so calendar apps that took the cancellation take this too.
 */
export async function restoreMeeting(
  teamId: string,
  ritualId: string,
  originalStart: number,
): Promise<WriteResult<{ sequence: number }>> {
  const found = await findMeeting(teamId, ritualId, originalStart);
  if (!found) return { ok: false, errors: { form: "validation.meetingUnknown" } };
  if (found.meeting.detached) return { ok: false, errors: { form: "validation.meetingDetached" } };
  const { ritual } = found;
  const sequence = await nextSequence(ritual);
  await prisma.meeting.updateMany({
    where: { ritualId: ritual.id, originalStart: new Date(originalStart) },
    data: { status: "scheduled", start: new Date(originalStart), durationMinutes: ritual.durationMinutes, sequence },
  });
  return { ok: true, value: { sequence } };
}
