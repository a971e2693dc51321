import crypto from "node:crypto";

/** 256 random bits, URL-safe: for links that are their own key (invites, calendar feeds). */
export function newSecretToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What is stored instead of the token, so a copy of the database opens no link. */
export function hashSecretToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
