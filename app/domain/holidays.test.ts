import { describe, expect, it } from "vitest";
import { holidayDates, isHolidayRegion, publicHolidays } from "./holidays";

const datesNamed = (region: string, year: number, name: RegExp) =>
  [...publicHolidays(region, year)].filter(([, holiday]) => name.test(holiday)).map(([date]) => date);

describe("public holidays", () => {
  it("has Seollal and Chuseok on Korea's official dates (Seollal corrected: the package starts it a day late)", () => {
    // Official calendar of the Republic of Korea (Ministry of the Interior and Safety).
    expect(datesNamed("KR", 2025, /^Korean New Year$/)).toEqual(["2025-01-28", "2025-01-29", "2025-01-30"]);
    expect(datesNamed("KR", 2026, /^Korean New Year$/)).toEqual(["2026-02-16", "2026-02-17", "2026-02-18"]);
    expect(datesNamed("KR", 2025, /^Korean Thanksgiving/)).toEqual([
      "2025-10-05",
      "2025-10-06",
      "2025-10-07",
      "2025-10-08", // substitute for the Sunday
    ]);
    expect(datesNamed("KR", 2026, /^Korean Thanksgiving$/)).toEqual(["2026-09-24", "2026-09-25", "2026-09-26"]);
  });

  it("knows countries and their subdivisions, and nothing else", () => {
    for (const region of ["KR", "US", "US-CA", "DE-BY"]) expect(isHolidayRegion(region)).toBe(true);
    for (const region of ["", "XX", "US-ZZ", "US-CA-LA", "kr; drop table"]) expect(isHolidayRegion(region)).toBe(false);
    // A subdivision adds its own days: Bavaria keeps Epiphany, Berlin does not.
    expect(holidayDates("DE-BY", 2026, 2026).has("2026-01-06")).toBe(true);
    expect(holidayDates("DE-BE", 2026, 2026).has("2026-01-06")).toBe(false);
    expect(holidayDates(null, 2026, 2026).size).toBe(0);
  });
});
