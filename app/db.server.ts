import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { databaseUrl } from "./database-url";
import { PrismaClient } from "./generated/prisma/client";

/** The client or an interactive transaction: what model functions write through. */
export type DbOrTransaction = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Writers wait this long for SQLite's lock instead of failing at once. */
const BUSY_TIMEOUT_MS = 5000;

function createClient(): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl(), timeout: BUSY_TIMEOUT_MS }) });
  // WAL lets readers carry on while one request writes; the mode is stored in
  // the database file, so setting it once per process is enough.
  client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch((error: unknown) => {
    console.error("Could not switch the database to WAL mode", error);
  });
  return client;
}

// One client per process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };
export const prisma: PrismaClient = (globalForPrisma.__prisma ??= createClient());

/** True when the database answers a trivial query. */
export async function databaseIsReachable(): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
