import { expect, it } from "vitest";
import { prisma } from "~/utils/db.server";

it("runs SQLite in WAL mode and waits for locks instead of failing at once", async () => {
  // The first query also switches the journal mode; ask after it has run.
  await prisma.team.count();
  const [journal] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  const [busy] = await prisma.$queryRawUnsafe<{ timeout: number | bigint }[]>("PRAGMA busy_timeout");
  expect(journal?.journal_mode).toBe("wal");
  expect(Number(busy?.timeout)).toBeGreaterThanOrEqual(1000);
});
