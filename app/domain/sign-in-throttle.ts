/**
 * Slowing down password guessing: after too many failures in a window, a key
 * (an email address, or a client address) is refused for a while.
 */
export interface ThrottleRule {
  maxFailures: number;
  windowMinutes: number;
  blockMinutes: number;
}

/** One account: five tries in fifteen minutes, then fifteen minutes' wait. */
export const PER_EMAIL: ThrottleRule = { maxFailures: 5, windowMinutes: 15, blockMinutes: 15 };
/** One address may be a whole office behind one router: more room, same wait. */
export const PER_ADDRESS: ThrottleRule = { maxFailures: 20, windowMinutes: 15, blockMinutes: 15 };

export interface ThrottleState {
  failures: number;
  windowStartedAt: number;
  blockedUntil: number | null;
}

const MINUTE = 60_000;

/** Seconds until the key may try again, or 0 when it may now. */
export function retryAfterSeconds(state: ThrottleState | null, now: number): number {
  if (!state?.blockedUntil || state.blockedUntil <= now) return 0;
  return Math.ceil((state.blockedUntil - now) / 1000);
}

/** The state after one more failure: a new window when the last has passed or ended in a block. */
export function afterFailure(state: ThrottleState | null, now: number, rule: ThrottleRule): ThrottleState {
  if (state && retryAfterSeconds(state, now) > 0) return state;
  const continuing =
    state !== null && state.blockedUntil === null && now - state.windowStartedAt < rule.windowMinutes * MINUTE;
  const failures = continuing ? state.failures + 1 : 1;
  return {
    failures,
    windowStartedAt: continuing ? state.windowStartedAt : now,
    blockedUntil: failures >= rule.maxFailures ? now + rule.blockMinutes * MINUTE : null,
  };
}
