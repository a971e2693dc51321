import crypto from "node:crypto";
import { env } from "~/utils/env.server";

/** 256 random bits, URL-safe: for links that are their own key (invites, calendar feeds). */
export function newSecretToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What is stored instead of the token, so a copy of the database opens no link. */
export function hashSecretToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/**
 * A note page's customer link token: derived from the page, how often its link
 * was replaced, and the server's secret (the first of SESSION_SECRET). The
 * database keeps only its hash, yet the team can copy the link again later.
 */
export function shareLinkToken(notePageId: string, generation: number): string {
  return crypto
    .createHmac("sha256", env.sessionSecrets[0]!)
    .update(`share-link:${notePageId}:${generation}`)
    .digest("base64url");
}
