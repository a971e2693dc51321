import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "./time-zones";

describe("isValidTimeZone", () => {
  it.each([
    "Europe/Berlin",
    "Asia/Seoul",
    "Asia/Kolkata",
    "Europe/Kyiv",
    "Pacific/Chatham",
    "UTC",
    "America/Sao_Paulo",
  ])("accepts %s, which luxon can compute in", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
    expect(DateTime.now().setZone(zone).isValid).toBe(true);
  });

  it.each(["", "Mars/Olympus", "Europe/Berlín", "+05:00", "GMT+9 ", "europe berlin", "<script>"])(
    "refuses %j",
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(false);
    },
  );
});
