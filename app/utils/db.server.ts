import { PrismaPg } from "@prisma/adapter-pg";
import { assertSqliteFilesWritable, databaseProvider, databaseUrl } from "./database-url";
import { isDatabaseUnavailable, savingUnavailable } from "./db-unavailable.server";
import { SqliteAdapter } from "./sqlite-adapter.server";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-postgres/client";

/** The client or an interactive transaction: what model functions write through. */
export type DbOrTransaction = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Writers wait this long for SQLite's lock instead of failing at once. */
const BUSY_TIMEOUT_MS = 5000;

/** Operations that write: when the database cannot take them, the request gets a 503 rather than a 500. */
const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

/**
 * The client for the database DATABASE_URL names. Both are generated from one
 * schema, so they answer the same queries with the same shapes: the app is
 * typed against the SQLite one.
 */
function baseClient(url: string): PrismaClient {
  if (databaseProvider(url) === "postgresql") {
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  }
  assertSqliteFilesWritable(url);
  const client = new PrismaClient({ adapter: new SqliteAdapter({ url, timeout: BUSY_TIMEOUT_MS }) });
  // WAL lets readers carry on while one request writes; the mode is stored in
  // the database file, so setting it once per process is enough.
  client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch((error: unknown) => {
    console.error("Could not switch the database to WAL mode", error);
  });
  return client;
}

function createClient(): PrismaClient {
  const base = baseClient(databaseUrl());
  return base.$extends({
    query: {
      $allModels: {
        async $allOperations({ operation, args, query }) {
          try {
            return await query(args);
          } catch (error) {
            if (WRITES.has(operation) && isDatabaseUnavailable(error)) throw savingUnavailable();
            throw error;
          }
        },
      },
    },
    // The extension adds no methods: the client keeps its own type.
  }) as unknown as PrismaClient;
}

// One client per process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };
export const prisma: PrismaClient = (globalForPrisma.__prisma ??= createClient());

/** Another writer got there first: a unique key (a form's token, a mail's key) is taken. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Long enough to build a never-ending series' calendar files inside the transaction that mails them. */
const TRANSACTION_TIMEOUT_MS = 20_000;

/**
 * Runs one user action's reads and writes (its queued mail too) as one
 * transaction: all of it lands, or none. When another request took a unique
 * key meanwhile (the same form sent twice), PostgreSQL has aborted the
 * transaction, so it runs once more and then sees the other's write.
 */
export async function inTransaction<T>(work: (db: DbOrTransaction) => Promise<T>): Promise<T> {
  const run = () => prisma.$transaction(work, { maxWait: BUSY_TIMEOUT_MS, timeout: TRANSACTION_TIMEOUT_MS });
  try {
    return await run();
  } catch (error) {
    // A refused COMMIT (a full disk) fails the transaction, not any one of its writes.
    if (isDatabaseUnavailable(error)) throw savingUnavailable();
    if (!isUniqueViolation(error)) throw error;
    return run();
  }
}
