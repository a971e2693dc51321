import fs from "node:fs";
import path from "node:path";

const DEFAULT_DATABASE_URL = "file:./data/rituals.db";

/**
 * The SQLite database URL from DATABASE_URL (default: data/rituals.db), with
 * the folder of a file database created so a fresh clone starts at once.
 * Prisma's schema needs DATABASE_URL set too, so it is filled in here.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  process.env.DATABASE_URL = url;
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    if (file && file !== ":memory:") {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    }
  }
  return url;
}

/** Which database a URL names: PostgreSQL by its scheme, else the embedded SQLite. */
export function databaseProvider(url: string): "postgresql" | "sqlite" {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** The database's files cannot be used by this process; server.js prints the message and stops. */
export class DatabaseFilesError extends Error {
  override name = "DatabaseFilesError";
}

/**
 * Refuses SQLite files this process cannot write before they are opened. SQLite maps the
 * `-shm` file into memory and appends to the `-wal` file; a leftover one that this process
 * cannot write (another user's, a read-only mount) can stop the process mid-request.
 */
export function assertSqliteFilesWritable(url: string): void {
  if (databaseProvider(url) !== "sqlite" || !url.startsWith("file:")) return;
  const file = path.resolve(url.slice("file:".length));
  for (const companion of [`${file}-wal`, `${file}-shm`]) {
    if (!fs.existsSync(companion)) continue;
    try {
      fs.accessSync(companion, fs.constants.R_OK | fs.constants.W_OK);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "EROFS" ? "on a read-only file system" : "not writable";
      throw new DatabaseFilesError(
        `The database's file ${companion} is ${reason} for this process, so the database cannot be used. ` +
          `Make it writable by the user that runs the app, or, while no instance is running, delete it ` +
          `(SQLite makes it again).`,
      );
    }
  }
}
