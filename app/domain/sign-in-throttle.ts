/**
 * Slowing down password guessing without locking anyone out. Attempts are
 * counted per (email, client address) pair and per client address; past a few
 * free attempts each key must wait before its next one, twice as long each
 * time, up to a ceiling. Nothing locks the account itself: its owner, on
 * another address, still gets in.
 */
export interface ThrottleRule {
  /** Attempts allowed in a window before waits begin. */
  freeAttempts: number;
  windowMinutes: number;
  /** The first wait, doubled for every attempt after it, up to `maxWaitSeconds`. */
  firstWaitSeconds: number;
  maxWaitSeconds: number;
}

/** One person guessing one account from one place: five tries, then 30 s, 1 min, 2 min ... up to 15 min. */
export const PER_PAIR: ThrottleRule = {
  freeAttempts: 5,
  windowMinutes: 15,
  firstWaitSeconds: 30,
  maxWaitSeconds: 15 * 60,
};
/**
 * One address may be a whole office behind one router: far more room before
 * the waits, and shorter ones, so a colleague's typos cost the others little.
 */
export const PER_ADDRESS: ThrottleRule = {
  freeAttempts: 50,
  windowMinutes: 15,
  firstWaitSeconds: 5,
  maxWaitSeconds: 5 * 60,
};

/** How long to wait after attempt number `attempt` (counting from 1) before the next one; 0 while attempts are free. */
export function waitAfterAttempt(attempt: number, rule: ThrottleRule): number {
  if (attempt < rule.freeAttempts) return 0;
  const doublings = Math.min(attempt - rule.freeAttempts, 30);
  return Math.min(rule.maxWaitSeconds, rule.firstWaitSeconds * 2 ** doublings);
}

/** Accounts made from one address: room for a team signing up together, then waits. */
export const SIGN_UPS_PER_ADDRESS: ThrottleRule = {
  freeAttempts: 10,
  windowMinutes: 15,
  firstWaitSeconds: 60,
  maxWaitSeconds: 30 * 60,
};

/** Mailed links (sign-up, password reset) to one address: a few an hour, so nobody can flood an inbox. */
export const LINKS_PER_EMAIL: ThrottleRule = {
  freeAttempts: 3,
  windowMinutes: 60,
  firstWaitSeconds: 5 * 60,
  maxWaitSeconds: 60 * 60,
};
