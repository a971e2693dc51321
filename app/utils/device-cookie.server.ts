import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { env } from "./env.server";
import { DAY } from "~/domain/durations";

/**
 * A browser that signed an account in before (OWASP's "device cookie"): its
 * sign-ins are counted on their own, so other people's failed guesses from the
 * same address (an office, a proxy) cannot lock its owner out.
 */
const deviceCookie = createCookie("__device", {
  httpOnly: true,
  sameSite: "lax",
  secure: env.isProduction,
  path: "/",
  secrets: env.sessionSecrets,
  maxAge: (365 * DAY) / 1000,
});

interface Device {
  id: string;
  email: string;
}

/** The id of this browser when it signed `email` in before, else null. */
export async function knownDevice(request: Request, email: string): Promise<string | null> {
  const device = (await deviceCookie.parse(request.headers.get("Cookie"))) as Partial<Device> | null;
  return device && device.email === email && typeof device.id === "string" ? device.id : null;
}

/** The Set-Cookie value that remembers this browser for `email` (keeping its id, if it had one). */
export function rememberDevice(email: string, id: string = crypto.randomBytes(16).toString("base64url")) {
  return deviceCookie.serialize({ id, email } satisfies Device);
}
