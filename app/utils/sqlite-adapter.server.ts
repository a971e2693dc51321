import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type { Client, Config, InStatement } from "@libsql/client";

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * The SQLite driver, with two fixes for when another process (a second
 * instance, a test) writes the same file:
 *
 * - Transactions begin IMMEDIATE: they wait for the write lock up front, so a
 *   transaction never reads, loses the race to another writer, and fails at
 *   its first write (SQLITE_BUSY_SNAPSHOT, which no wait can cure).
 * - A statement that fails busy is left in progress by libsql
 *   (tursodatabase/libsql-js#237), and its connection then fails every later
 *   write. The client's connections are replaced after such a failure. Within
 *   one process the Prisma adapter runs one statement or transaction at a
 *   time, so nothing else is using them.
 */
export class SqliteAdapter extends PrismaLibSQL {
  createClient(config: Config): Client {
    const client = super.createClient(config);
    const renewOnBusy = (error: unknown): never => {
      if (isBusy(error)) void client.reconnect();
      throw error;
    };
    const transaction = client.transaction.bind(client);
    const execute = client.execute.bind(client);
    const executeMultiple = client.executeMultiple.bind(client);
    client.transaction = () => transaction("write").catch(renewOnBusy);
    client.execute = ((statement: InStatement) => execute(statement).catch(renewOnBusy)) as Client["execute"];
    client.executeMultiple = (sql) => executeMultiple(sql).catch(renewOnBusy);
    return client;
  }
}
