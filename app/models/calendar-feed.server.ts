import type { SeriesChanges } from "~/domain/recurrence";
import type { StoredRitual } from "~/domain/ritual";
import { prisma, type DbOrTransaction } from "~/utils/db.server";
import { Prisma } from "~/generated/prisma/client";
import { CUSTOMER_FACTS, toStoredRitual } from "./ritual.server";
import { SERIES_CHANGE_ROWS, seriesChangesOf } from "./ritual-record.server";
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

/** The feed a token opens, with its current version: one indexed look-up. Null for a wrong or revoked token. */
export function findFeed(token: string) {
  return prisma.calendarFeed.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: { id: true, memberId: true, version: true },
  });
}

/** A feed as built and compressed for one language, as any instance last stored it. */
export interface StoredFeedBuild {
  stamp: string;
  etag: string;
  gzip: Uint8Array<ArrayBuffer>;
  brotli: Uint8Array<ArrayBuffer>;
}

export function findFeedBuild(feedId: string, language: string): Promise<StoredFeedBuild | null> {
  return prisma.feedBuild.findUnique({
    where: { feedId_language: { feedId, language } },
    select: { stamp: true, etag: true, gzip: true, brotli: true },
  });
}

/**
 * Keeps a build for every instance. A feed revoked meanwhile keeps nothing, and
 * a database that cannot take writes keeps nothing either: the poll is answered
 * all the same, and a later one stores it.
 */
export async function saveFeedBuild(feedId: string, language: string, build: StoredFeedBuild): Promise<void> {
  const fields = { ...build, builtAt: new Date() };
  try {
    await prisma.feedBuild.upsert({
      where: { feedId_language: { feedId, language } },
      create: { feedId, language, ...fields },
      update: fields,
    });
  } catch (error) {
    if (error instanceof Response && error.status === 503) return;
    // P2003: the feed was revoked while it was being built; P2002: another instance stored it first.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || !["P2003", "P2002"].includes(error.code))
      throw error;
  }
}

/** What a member's feed is made of: their name, and every ritual they attend (only their own team's, by construction) with their role and its changes. */
export async function feedContent(memberId: string): Promise<{
  name: string;
  rituals: { ritual: StoredRitual; role: "host" | "participant"; changes: SeriesChanges }[];
} | null> {
  const member = await prisma.member.findUnique({
    where: { id: memberId },
    select: {
      name: true,
      rituals: {
        include: { ritual: { include: { customer: CUSTOMER_FACTS, meetings: { where: SERIES_CHANGE_ROWS } } } },
      },
    },
  });
  if (!member) return null;
  return {
    name: member.name,
    rituals: member.rituals.map((row) => ({
      ritual: toStoredRitual(row.ritual),
      role: attendeeRole(row.role),
      changes: seriesChangesOf(row.ritual.meetings),
    })),
  };
}
