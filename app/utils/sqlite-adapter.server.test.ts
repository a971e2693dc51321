import { createClient, type Client } from "@libsql/client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { signedUpUser } from "~tests/support/accounts";

describe("SQLite shared with another process", () => {
  // As the app runs it (db.server.ts switches every database it opens to WAL).
  beforeAll(() => prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL"));
  const opened: Client[] = [];
  /** Another process's connection to the same file, as a second instance or a test has; it does not wait. */
  const other = () => {
    const client = createClient({ url: process.env.DATABASE_URL!, timeout: 0 });
    opened.push(client);
    return client;
  };
  afterEach(() => {
    for (const client of opened.splice(0)) client.close();
  });

  it("commits a transaction that read before another connection tried to write", async () => {
    const rival = other();
    const theirs = { wrote: false };
    await prisma.$transaction(async (db) => {
      await db.team.count();
      try {
        await rival.execute("INSERT INTO Team (id, name, timeZone, updatedAt) VALUES ('rival', 'Rival', 'UTC', 0)");
        theirs.wrote = true;
      } catch (error) {
        // The transaction holds the write lock: the rival waits its turn.
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
      }
      await db.team.create({ data: { name: "Ours", timeZone: "Europe/Berlin" } });
    });
    expect(theirs.wrote).toBe(false);
    expect(await prisma.team.count({ where: { name: "Ours" } })).toBe(1);
    // And the app's connections still write afterwards.
    await signedUpUser("after-a-race@example.com");
  });

  it("keeps writing after a write gave up waiting for another process's lock", async () => {
    const holder = await other().transaction("write");
    const refused = await signedUpUser("while-locked@example.com").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(503);
    await holder.rollback();
    // Before, the connection that waited kept its statement in progress, and the next transaction on it could not commit.
    for (const n of [1, 2, 3]) await signedUpUser(`after-the-lock-${n}@example.com`);
    await prisma.$transaction(async (db) => {
      await db.team.create({ data: { name: "After the lock", timeZone: "Europe/Berlin" } });
    });
    expect(await prisma.user.count({ where: { email: { startsWith: "after-the-lock-" } } })).toBe(3);
    expect(await prisma.team.count({ where: { name: "After the lock" } })).toBe(1);
  });
});
