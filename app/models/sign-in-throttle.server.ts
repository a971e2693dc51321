import { afterFailure, retryAfterSeconds, type ThrottleRule, type ThrottleState } from "~/domain/sign-in-throttle";
import { prisma } from "~/db.server";

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

async function load(key: string): Promise<ThrottleState | null> {
  const row = await prisma.signInThrottle.findUnique({ where: { key } });
  return (
    row && {
      failures: row.failures,
      windowStartedAt: row.windowStartedAt.getTime(),
      blockedUntil: row.blockedUntil?.getTime() ?? null,
    }
  );
}

/** Seconds until every key may try again (0: go ahead). */
export async function signInRetryAfter(keys: readonly ThrottleKey[], now = Date.now()): Promise<number> {
  const waits = await Promise.all(keys.map(async ({ key }) => retryAfterSeconds(await load(key), now)));
  return Math.max(0, ...waits);
}

export async function recordSignInFailure(keys: readonly ThrottleKey[], now = Date.now()): Promise<void> {
  for (const { key, rule } of keys) {
    const next = afterFailure(await load(key), now, rule);
    const data = {
      failures: next.failures,
      windowStartedAt: new Date(next.windowStartedAt),
      blockedUntil: next.blockedUntil === null ? null : new Date(next.blockedUntil),
    };
    await prisma.signInThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
  }
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearSignInFailures(key: string): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key } });
}
