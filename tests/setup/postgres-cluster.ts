/**
 * A throwaway PostgreSQL cluster from the machine's own binaries (Debian's
 * postgresql package): made in a temporary folder, listening on a free
 * loopback port, removed again by `stop`. Used by the PostgreSQL test run, the
 * two-instance browser test and the benchmark.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { deployPostgresMigrations } from "../../prisma/postgres-migrations";
import { freePort } from "./free-port";

export interface PostgresCluster {
  /** A connection URL for one database of the cluster. */
  url(database: string): string;
  /** Creates a database: empty, or a copy of a template database. */
  createDatabase(name: string, template?: string): Promise<string>;
  stop(): void;
}

const USER = "rituals";

/** The folder with initdb and pg_ctl: PG_BIN, else the newest under /usr/lib/postgresql; null when there is none. */
export function postgresBinaries(): string | null {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : fs.existsSync("/usr/lib/postgresql")
      ? fs
          .readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => path.join("/usr/lib/postgresql", version, "bin"))
      : [];
  return (
    candidates.find((bin) => fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"))) ?? null
  );
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinaries();
  if (!bin) throw new Error("PostgreSQL binaries not found: install Debian's postgresql package or set PG_BIN");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "rituals-pg-"));
  // PostgreSQL refuses to run as root: the cluster then belongs to the postgres user.
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : command, asRoot ? ["-u", "postgres", "--", command, ...args] : args, {
      stdio: "pipe",
    });
  if (asRoot) execFileSync("chown", ["postgres", folder]);
  const data = path.join(folder, "data");
  const port = await freePort();
  run(path.join(bin, "initdb"), ["-D", data, "-U", USER, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  // Durability is not needed for a cluster that lives for one run.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(folder, "server.log"), "-o", options, "-w", "start"]);

  const url = (database: string) => `postgresql://${USER}@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop() {
      try {
        run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** A cluster with a database migrated by the committed PostgreSQL migrations, to copy per test. */
export async function startMigratedCluster(baseName = "rituals_base"): Promise<PostgresCluster & { base: string }> {
  const cluster = await startPostgresCluster();
  try {
    await deployPostgresMigrations(await cluster.createDatabase(baseName));
  } catch (error) {
    cluster.stop();
    throw error;
  }
  return { ...cluster, base: baseName };
}
