import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { databaseProvider } from "./database-url";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Comma-separated; the first signs new cookies, the others are still accepted (for rotation). */
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  DATA_DIR: z.string().default("data"),
  /** The public address people open the app at; links in invites, feeds and mail are built from it. */
  APP_URL: z
    .string()
    .url("APP_URL must be an address such as https://rituals.example.com")
    .refine((url) => /^https?:/.test(url), "APP_URL must start with http:// or https://")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where mail goes, e.g. smtp://user:password@mail.example.com:587; without it, mail is kept in the outbox. */
  SMTP_URL: z
    .string()
    .url("SMTP_URL must be an address such as smtp://user:password@mail.example.com:587")
    .refine((url) => /^smtps?:/.test(url), "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  /** The sender of every mail. */
  MAIL_FROM: z
    .string()
    .regex(
      /^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/,
      'MAIL_FROM must be an address, or "Name <address>"',
    )
    .default("Rituals <rituals@localhost>"),
  /** How often the mail sender looks for work. */
  MAIL_TICK_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
});

const DEVELOPMENT_SECRET = "rituals-development-secret-not-for-production-use";

/**
 * Production without SESSION_SECRET (the demo `npm start`) gets a random secret,
 * made once and kept in the data folder, rather than a well-known default.
 */
function productionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    // Written whole under another name, then linked into place: the server's processes start
    // together, and one must never read the file half written by another.
    const draft = `${file}.${process.pid}`;
    fs.writeFileSync(draft, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
      console.warn(`SESSION_SECRET is not set: using a random secret kept in ${file}.`);
    } catch (error) {
      // Another process made it first; use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}

function loadEnv() {
  const env = schema.parse(process.env);
  // On PostgreSQL several instances may serve one team: a secret made on one machine would sign
  // cookies and customer links the others cannot read.
  if (
    env.NODE_ENV === "production" &&
    !env.SESSION_SECRET &&
    databaseProvider(process.env.DATABASE_URL ?? "") === "postgresql"
  ) {
    throw new Error("SESSION_SECRET must be set on PostgreSQL, to the same value on every instance of the app.");
  }
  const secrets = env.SESSION_SECRET
    ? env.SESSION_SECRET.split(",").map((secret) => secret.trim())
    : [env.NODE_ENV === "production" ? productionSecret(env.DATA_DIR) : DEVELOPMENT_SECRET];
  return {
    isProduction: env.NODE_ENV === "production",
    sessionSecrets: secrets,
    // Without APP_URL (a machine of one's own), the local address the server listens on.
    appUrl: new URL(env.APP_URL ?? `http://localhost:${env.PORT}`).origin,
    appUrlConfigured: env.APP_URL !== undefined,
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM,
    mailTickSeconds: env.MAIL_TICK_SECONDS,
  };
}

export const env = loadEnv();

/** The origin forms must come from when APP_URL says so; null lets a local server take its own host. */
export const guardedOrigin = env.appUrlConfigured ? env.appUrl : null;
