import { waitAfterAttempt, type ThrottleRule } from "~/domain/sign-in-throttle";
import { prisma } from "~/utils/db.server";

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

/**
 * Takes one attempt for a key, before the password is checked. Every step is
 * one atomic statement, so parallel guesses cannot share a free slot: the
 * count goes up first, and an attempt past the free ones must also claim the
 * moment its wait ends. Answers the seconds to wait, or 0 when this attempt may go ahead.
 */
async function takeAttempt({ key, rule }: ThrottleKey, now: number): Promise<number> {
  // A quiet window starts the count again.
  await prisma.signInThrottle.updateMany({
    where: {
      key,
      windowStartedAt: { lt: new Date(now - rule.windowMinutes * 60_000) },
      OR: [{ blockedUntil: null }, { blockedUntil: { lte: new Date(now) } }],
    },
    data: { failures: 0, windowStartedAt: new Date(now), blockedUntil: null },
  });
  const { failures: attempt } = await prisma.signInThrottle.upsert({
    where: { key },
    create: { key, failures: 1, windowStartedAt: new Date(now) },
    update: { failures: { increment: 1 } },
  });
  const wait = waitAfterAttempt(attempt, rule);
  if (attempt <= rule.freeAttempts) {
    if (wait > 0)
      await prisma.signInThrottle.update({ where: { key }, data: { blockedUntil: new Date(now + wait * 1000) } });
    return 0;
  }
  // Past the free attempts: go ahead only by claiming an ended wait, and set the next one in the same statement.
  const claimed = await prisma.signInThrottle.updateMany({
    where: { key, blockedUntil: { lte: new Date(now) } },
    data: { blockedUntil: new Date(now + wait * 1000) },
  });
  if (claimed.count === 1) return 0;
  const row = await prisma.signInThrottle.findUnique({ where: { key } });
  return Math.max(1, Math.ceil(((row?.blockedUntil?.getTime() ?? now) - now) / 1000));
}

/**
 * Takes an attempt from each key in turn (the pair, then the address): 0 when
 * all let it through, else the wait in seconds. A pair already waiting costs
 * its address nothing, so one guesser cannot use up an office's room.
 */
export async function takeSignInAttempt(keys: readonly ThrottleKey[], now = Date.now()): Promise<number> {
  for (const key of keys) {
    const wait = await takeAttempt(key, now);
    if (wait > 0) return wait;
  }
  return 0;
}

/**
 * A successful sign-in forgives its own key's earlier attempts (the pair's,
 * or the device's), and gives the others (the address) back the attempt it
 * took: only failures add up against an office.
 */
export async function signInSucceeded([own, ...shared]: readonly ThrottleKey[]): Promise<void> {
  if (own) await prisma.signInThrottle.deleteMany({ where: { key: own.key } });
  for (const { key } of shared) {
    await prisma.signInThrottle.updateMany({
      where: { key, failures: { gt: 0 } },
      data: { failures: { decrement: 1 } },
    });
  }
}
