import { prisma } from "~/utils/db.server";

const PROBE_KEY = "\u0001health-probe";

/**
 * Whether the database answers, and whether it takes writes. The probe commits a
 * one-row write: a write that is rolled back never reaches the disk, so it passes
 * on a full disk where saving a page's notes fails.
 */
export async function databaseHealth(): Promise<"ok" | "cannot-write" | "unreachable"> {
  try {
    await prisma.$queryRaw`SELECT 1`;
  } catch {
    return "unreachable";
  }
  try {
    const now = new Date();
    await prisma.signInThrottle.upsert({
      where: { key: PROBE_KEY },
      create: { key: PROBE_KEY, failures: 0, windowStartedAt: now },
      update: { windowStartedAt: now },
    });
    return "ok";
  } catch {
    return "cannot-write";
  }
}
