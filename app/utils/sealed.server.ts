import crypto from "node:crypto";
import { env } from "./env.server";

// Secrets the app must keep but never show again (a calendar's secret address), sealed with a key
// derived from SESSION_SECRET: a copy of the database alone does not give them away.

const PURPOSE = "rituals sealed values";

function key(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", secret, Buffer.alloc(0), PURPOSE, 32));
}

/** `text`, encrypted and authenticated (AES-256-GCM) with the first of SESSION_SECRET. */
export function seal(text: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(env.sessionSecrets[0]!), iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

/** The text sealed with any of the secrets (an older one too, while it is rotated out), or null. */
export function unseal(sealed: string): string | null {
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body) return null;
  for (const secret of env.sessionSecrets) {
    try {
      const decipher = crypto.createDecipheriv("aes-256-gcm", key(secret), iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    } catch {
      // Not this secret's.
    }
  }
  return null;
}
