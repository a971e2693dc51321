import crypto from "node:crypto";
import type { StoredException } from "~/domain/recurrence";
import type { StoredRitual } from "~/domain/ritual";
import { prisma, type DbOrTransaction } from "~/utils/db.server";
import { CUSTOMER_FACTS, toStoredRitual } from "./ritual.server";
import { listExceptionsFor } from "./meeting.server";
import { hashSecretToken, newSecretToken } from "./secret-token.server";
import { attendeeRole } from "./columns";

/** A new secret address for the member's feed; any earlier one stops working. */
export async function rotateFeedToken(memberId: string, db: DbOrTransaction = prisma): Promise<string> {
  const token = newSecretToken();
  const tokenHash = hashSecretToken(token);
  await db.calendarFeed.upsert({
    where: { memberId },
    create: { memberId, tokenHash },
    update: { tokenHash, createdAt: new Date() },
  });
  return token;
}

/** Stops the feed; false when the member had none. */
export async function revokeFeedToken(memberId: string, db: DbOrTransaction = prisma): Promise<boolean> {
  return (await db.calendarFeed.deleteMany({ where: { memberId } })).count > 0;
}

export function getFeedStatus(memberId: string, db: DbOrTransaction = prisma) {
  return db.calendarFeed.findUnique({ where: { memberId }, select: { createdAt: true } });
}

/** The member a feed token belongs to, or null for a wrong or revoked one. */
export async function findFeedMember(token: string) {
  const feed = await prisma.calendarFeed.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    include: { member: { select: { id: true, name: true, teamId: true, updatedAt: true } } },
  });
  return feed?.member ?? null;
}

/**
 * A short fingerprint of everything the member's feed is made from, cheap to
 * compute: calendar apps poll, and most polls should end in a 304.
 */
export async function feedVersion(member: { id: string; updatedAt: Date }, extra: string): Promise<string> {
  const where = { attendees: { some: { memberId: member.id } } };
  const [rituals, meetings] = await Promise.all([
    prisma.ritual.aggregate({ where, _max: { updatedAt: true }, _count: true }),
    prisma.meeting.aggregate({ where: { ritual: where }, _max: { updatedAt: true }, _count: true }),
  ]);
  const parts = [
    member.id,
    member.updatedAt.getTime(),
    rituals._count,
    rituals._max.updatedAt?.getTime(),
    meetings._count,
    meetings._max.updatedAt?.getTime(),
    extra,
  ];
  return crypto.createHash("sha1").update(parts.join("|")).digest("base64url");
}

/** Every ritual the member attends (only their own team's, by construction), with their role and its changes. */
export async function feedRituals(
  memberId: string,
): Promise<{ ritual: StoredRitual; role: "host" | "participant"; exceptions: StoredException[] }[]> {
  const rows = await prisma.ritualAttendee.findMany({
    where: { memberId },
    include: { ritual: { include: { customer: CUSTOMER_FACTS } } },
  });
  const exceptions = await listExceptionsFor(rows.map((row) => row.ritualId));
  return rows.map((row) => ({
    ritual: toStoredRitual(row.ritual),
    role: attendeeRole(row.role),
    exceptions: exceptions.get(row.ritualId) ?? [],
  }));
}
