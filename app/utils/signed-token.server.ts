import crypto from "node:crypto";
import { env } from "./env.server";

// Links that carry what they are for in the clear, signed with the server's secret, so nothing is stored per link.

const SIGNATURE_LENGTH = 22; // base64url characters: 132 bits

function signature(secret: string, purpose: string, body: string): string {
  return crypto
    .createHmac("sha256", secret)
    .update(`${purpose}:${body}`)
    .digest("base64url")
    .slice(0, SIGNATURE_LENGTH);
}

/** `parts` (URL-safe, without dots) and their signature for `purpose`, with the first of SESSION_SECRET. */
export function signToken(purpose: string, parts: readonly string[]): string {
  if (parts.some((part) => !/^[\w-]+$/.test(part))) throw new Error("Signed token parts must be URL-safe words");
  const body = parts.join(".");
  return `${body}.${signature(env.sessionSecrets[0]!, purpose, body)}`;
}

/** The parts of a token signed for `purpose` with any of the secrets (an older one too, while it is rotated out), or null. */
export function readSignedToken(purpose: string, token: string, partCount: number): string[] | null {
  const parts = token.split(".");
  if (parts.length !== partCount + 1) return null;
  const given = Buffer.from(parts.pop()!);
  const body = parts.join(".");
  const valid = env.sessionSecrets.some((secret) => {
    const expected = Buffer.from(signature(secret, purpose, body));
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  });
  return valid ? parts : null;
}

/** One meeting of one ritual, and who is asked: what an RSVP link answers for. */
export interface RsvpTarget {
  teamId: string;
  ritualId: string;
  originalStart: number;
  person: { kind: "member" | "contact"; id: string };
}

const RSVP = "rsvp";
const KINDS = { member: "m", contact: "c" } as const;

/** A person's RSVP link token for one meeting: it works without signing in, for them and that meeting only. */
export function rsvpToken({ teamId, ritualId, originalStart, person }: RsvpTarget): string {
  return signToken(RSVP, [teamId, ritualId, String(originalStart), `${KINDS[person.kind]}-${person.id}`]);
}

export function readRsvpToken(token: string): RsvpTarget | null {
  const parts = readSignedToken(RSVP, token, 4);
  const [teamId, ritualId, start, who] = parts ?? [];
  const match = /^([mc])-(.+)$/.exec(who ?? "");
  const originalStart = Number(start);
  if (!match || !Number.isSafeInteger(originalStart)) return null;
  return {
    teamId: teamId!,
    ritualId: ritualId!,
    originalStart,
    person: { kind: match[1] === "m" ? "member" : "contact", id: match[2]! },
  };
}
