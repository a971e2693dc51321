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
