import { describe, expect, it } from "vitest";
import { PER_ADDRESS, PER_PAIR, waitAfterAttempt } from "./sign-in-throttle";

describe("sign-in backoff", () => {
  it("lets the free attempts through, then doubles the wait up to its ceiling", () => {
    const waits = Array.from({ length: 12 }, (_, i) => waitAfterAttempt(i + 1, PER_PAIR));
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it("gives an address shared by an office far more room and shorter waits", () => {
    expect(waitAfterAttempt(49, PER_ADDRESS)).toBe(0);
    expect(waitAfterAttempt(50, PER_ADDRESS)).toBe(5);
    expect(waitAfterAttempt(1000, PER_ADDRESS)).toBe(PER_ADDRESS.maxWaitSeconds);
  });
});
