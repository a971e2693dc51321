import { prisma } from "~/utils/db.server";

/** Thrown to roll the write probe back once it has written. */
class ProbeWritten extends Error {}

/**
 * Whether the database answers, and whether it takes writes: a probe writes a
 * row in a transaction and rolls it back, so a read-only or full database shows.
 */
export async function databaseHealth(): Promise<"ok" | "read-only" | "unreachable"> {
  try {
    await prisma.$queryRaw`SELECT 1`;
  } catch {
    return "unreachable";
  }
  try {
    await prisma.$transaction(async (db) => {
      const key = "\u0001health-probe";
      await db.signInThrottle.upsert({
        where: { key },
        create: { key, failures: 0, windowStartedAt: new Date() },
        update: { failures: 0 },
      });
      throw new ProbeWritten();
    });
  } catch (error) {
    if (error instanceof ProbeWritten) return "ok";
  }
  return "read-only";
}
