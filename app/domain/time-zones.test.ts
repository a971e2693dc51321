import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { timeZoneOptions } from "~/views/form-options.server";
import { isValidTimeZone, resolveTimeZone } from "./time-zones";

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

describe("abbreviations and renamed zones", () => {
  it.each(["PST", "EST", "CET", "EST5EDT", "GMT", "Etc/GMT+9x"])("refuses %j, which names no place", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
    expect(isValidTimeZone(resolveTimeZone(zone))).toBe(false);
  });

  it("offers and stores zones by their current names, which keep the old ones' clocks", () => {
    const options = timeZoneOptions();
    expect(options).toContain("Asia/Kolkata");
    expect(options).not.toContain("Asia/Calcutta");
    expect(options).toContain("Europe/Kyiv");
    expect(new Set(options).size).toBe(options.length);
    expect(options.every(isValidTimeZone)).toBe(true);
    const renamed: [string, string][] = [
      ["Asia/Calcutta", "Asia/Kolkata"],
      ["Europe/Kiev", "Europe/Kyiv"],
      ["Asia/Saigon", "Asia/Ho_Chi_Minh"],
    ];
    for (const [old, current] of renamed) {
      expect(resolveTimeZone(old)).toBe(current);
      // The same clock all year, by luxon.
      for (const month of [1, 7]) {
        const instant = DateTime.utc(2026, month, 15, 12);
        expect(instant.setZone(current).offset).toBe(instant.setZone(old).offset);
      }
    }
  });
});

describe("resolveTimeZone from a city", () => {
  it.each([
    ["San Francisco", "America/Los_Angeles"],
    ["Bengaluru", "Asia/Kolkata"],
    ["Bangalore", "Asia/Kolkata"],
    ["kolkata", "Asia/Kolkata"],
    ["Calcutta", "Asia/Kolkata"],
    ["Osaka", "Asia/Tokyo"],
    ["Seoul", "Asia/Seoul"],
    ["  los_angeles ", "America/Los_Angeles"],
    ["Kyiv", "Europe/Kyiv"],
    ["Asia/Seoul", "Asia/Seoul"],
  ])("finds %j in %s", (typed, zone) => {
    expect(resolveTimeZone(typed)).toBe(zone);
  });

  it("leaves a place it does not know as typed, so the form can say so", () => {
    expect(resolveTimeZone("Atlantis")).toBe("Atlantis");
  });
});
