import type { BusyTime } from "~/calendar/busy-times";
import type { Interval } from "~/domain/recurrence";
import { inTransaction, prisma } from "~/utils/db.server";

/** A member's calendar source as their profile lists it: never the address itself. */
export function listBusySources(memberId: string) {
  return prisma.busySource.findMany({
    where: { memberId },
    orderBy: { createdAt: "asc" },
    select: { id: true, label: true, allDayBlocks: true, checkedAt: true, fetchedAt: true, lastError: true },
  });
}

export function createBusySource(
  memberId: string,
  source: { kind: "ics" | "caldav"; sealedAddress: string; sealedLogin?: string; label: string; allDayBlocks: boolean },
  read: { times: BusyTime[]; etag: string | null; lastModified: string | null },
  now: number,
) {
  return prisma.busySource.create({
    data: {
      memberId,
      ...source,
      etag: read.etag,
      lastModified: read.lastModified,
      checkedAt: new Date(now),
      fetchedAt: new Date(now),
      busyTimes: { create: read.times.map(stored) },
    },
    select: { id: true },
  });
}

/** Removes one of the member's sources with its busy times; another member's id removes nothing. */
export async function deleteBusySource(memberId: string, sourceId: string): Promise<boolean> {
  const { count } = await prisma.busySource.deleteMany({ where: { id: sourceId, memberId } });
  return count === 1;
}

function stored(time: BusyTime) {
  return { start: new Date(time.start), end: new Date(time.end), tentative: time.tentative };
}

/** Sources not tried since `before`, the longest waiting first, with what a conditional request needs. */
export function busySourcesDue(before: number, limit: number) {
  return prisma.busySource.findMany({
    where: { OR: [{ checkedAt: null }, { checkedAt: { lt: new Date(before) } }] },
    orderBy: { checkedAt: "asc" },
    take: limit,
    include: { member: { select: { timeZone: true } } },
  });
}

/** A read that worked: the source's busy times replaced whole, in one transaction. */
export function saveBusyTimes(
  sourceId: string,
  read: { times: BusyTime[]; etag: string | null; lastModified: string | null },
  now: number,
) {
  return inTransaction(async (db) => {
    await db.busyTime.deleteMany({ where: { sourceId } });
    await db.busyTime.createMany({ data: read.times.map((time) => ({ sourceId, ...stored(time) })) });
    await db.busySource.updateMany({
      where: { id: sourceId },
      data: {
        etag: read.etag,
        lastModified: read.lastModified,
        checkedAt: new Date(now),
        fetchedAt: new Date(now),
        lastError: null,
      },
    });
  });
}

/** A read that found the calendar unchanged (`error` null) or failed: the busy times kept as they were. */
export async function markBusySourceChecked(sourceId: string, now: number, error: string | null): Promise<void> {
  await prisma.busySource.updateMany({
    where: { id: sourceId },
    data: { checkedAt: new Date(now), lastError: error, ...(error ? {} : { fetchedAt: new Date(now) }) },
  });
}

/** Each member's busy times elsewhere that touch the window, by member id. */
export async function busyElsewhere(
  memberIds: readonly string[],
  window: { from: number; to: number },
): Promise<Map<string, Interval[]>> {
  const rows = await prisma.busyTime.findMany({
    where: {
      source: { memberId: { in: [...memberIds] } },
      start: { lt: new Date(window.to) },
      end: { gt: new Date(window.from) },
    },
    select: { start: true, end: true, source: { select: { memberId: true } } },
  });
  const byMember = new Map<string, Interval[]>();
  for (const row of rows) {
    const list = byMember.get(row.source.memberId) ?? [];
    list.push({ start: row.start.getTime(), end: row.end.getTime() });
    byMember.set(row.source.memberId, list);
  }
  return byMember;
}
