/**
 * Public holidays by region (a country, optionally with a subdivision:
 * "KR", "US-CA", "DE-BY"), from the date-holidays package's offline data,
 * with the corrections we ship where it disagrees with official calendars.
 */
import Holidays from "date-holidays";
import { DAY } from "./durations";
import { dayFromIso, isoFromDay } from "./local-dates";

/** The dates a region's public holidays fall on (local dates), with their names in English. */
export type HolidayCalendar = ReadonlyMap<string, string>;

/**
 * Holidays the package places wrong, by country and the package's rule:
 * how many days earlier they really start. Seollal is the last day of the
 * lunar year, New Year's Day and the day after (2025: 28-30 January, 2026:
 * 16-18 February, per Korea's official calendar); date-holidays 3.x starts
 * it on New Year's Day. The tests compare with the official dates, so an
 * upgrade that fixes it fails them instead of shifting it twice.
 */
const STARTS_EARLIER: Record<string, Record<string, number>> = {
  KR: { "korean 01-0-01 P3D": 1 },
};

const calendars = new Map<string, HolidayCalendar>();

/** Whether date-holidays knows the region: a country code, or country-subdivision. */
export function isHolidayRegion(region: string): boolean {
  const [country, state, extra] = region.split("-");
  if (!country || extra !== undefined) return false;
  const countries = new Holidays().getCountries();
  if (!countries || !(country in countries)) return false;
  if (!state) return true;
  return state in (new Holidays().getStates(country) ?? {});
}

/** Every country date-holidays knows, by code, with its name in English: what the profile offers. */
export function holidayCountries(): { code: string; name: string }[] {
  return Object.entries(new Holidays().getCountries("en") ?? {})
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A region's public holidays in one year: days off for everyone there (observances and optional days left out). */
export function publicHolidays(region: string, year: number): HolidayCalendar {
  const key = `${region}|${year}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    const [country, state] = region.split("-");
    const days = new Map<string, string>();
    const options = { types: ["public" as const] };
    const holidays = state ? new Holidays(country!, state, options) : new Holidays(country!, options);
    for (const holiday of holidays.getHolidays(year, "en") || []) {
      // "date" is the local first day ("YYYY-MM-DD hh:mm:ss"); a holiday of several days spans start to end.
      const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY));
      const first = dayFromIso(holiday.date.slice(0, 10)) - (STARTS_EARLIER[country!]?.[holiday.rule] ?? 0);
      for (let day = first; day < first + length; day++) days.set(isoFromDay(day), holiday.name);
    }
    calendar = days;
    calendars.set(key, calendar);
  }
  return calendar;
}

/** The local dates of a region's public holidays over a span of years. */
export function holidayDates(region: string | null, fromYear: number, toYear: number): Set<string> {
  const dates = new Set<string>();
  if (!region || !isHolidayRegion(region)) return dates;
  for (let year = fromYear; year <= toYear; year++)
    for (const date of publicHolidays(region, year).keys()) dates.add(date);
  return dates;
}
