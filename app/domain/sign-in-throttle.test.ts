import { describe, expect, it } from "vitest";
import { afterFailure, PER_EMAIL, retryAfterSeconds, type ThrottleState } from "./sign-in-throttle";

const MINUTE = 60_000;

function failTimes(count: number, start: number, gap = MINUTE): { state: ThrottleState | null; at: number } {
  let state: ThrottleState | null = null;
  let at = start;
  for (let i = 0; i < count; i++) {
    at = start + i * gap;
    state = afterFailure(state, at, PER_EMAIL);
  }
  return { state, at };
}

describe("sign-in throttle", () => {
  it("lets the first failures through", () => {
    const { state, at } = failTimes(PER_EMAIL.maxFailures - 1, 0);
    expect(retryAfterSeconds(state, at)).toBe(0);
  });

  it("engages at the limit and says how long to wait", () => {
    const { state, at } = failTimes(PER_EMAIL.maxFailures, 0);
    expect(retryAfterSeconds(state, at)).toBe(PER_EMAIL.blockMinutes * 60);
    expect(retryAfterSeconds(state, at + 5 * MINUTE)).toBe((PER_EMAIL.blockMinutes - 5) * 60);
  });

  it("releases when the block is over, starting a fresh count", () => {
    const { state, at } = failTimes(PER_EMAIL.maxFailures, 0);
    const later = at + PER_EMAIL.blockMinutes * MINUTE;
    expect(retryAfterSeconds(state, later)).toBe(0);
    const next = afterFailure(state, later, PER_EMAIL);
    expect(next).toEqual({ failures: 1, windowStartedAt: later, blockedUntil: null });
  });

  it("forgets failures spread wider than the window", () => {
    const { state, at } = failTimes(PER_EMAIL.maxFailures, 0, (PER_EMAIL.windowMinutes / 2 + 1) * MINUTE);
    expect(retryAfterSeconds(state, at)).toBe(0);
    expect(state?.failures).toBeLessThan(PER_EMAIL.maxFailures);
  });
});
