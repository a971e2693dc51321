import { createInstance } from "i18next";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Ritual } from "~/domain/ritual";
import { i18nConfig } from "~/i18n/catalogs.server";
import { formatCadence, formatLocalStart, formatTime } from "./format";

const ritual: Ritual = {
  id: "r1",
  kind: "tea-time",
  title: "Tea",
  timeZone: "Asia/Seoul",
  rotationStarts: [],
  startMinutes: 16 * 60,
  durationMinutes: 30,
  frequency: "weekly",
  interval: 2,
  weekdays: [3],
  monthDay: null,
  monthWeek: null,
  monthWeekday: null,
  startDate: "2026-01-07",
  untilDate: null,
  count: null,
  goEarlyMinutes: 10,
  stayLateMinutes: 10,
  agendaTemplate: "",
  videoUrl: "",
};

async function translator(lng: string) {
  const i18n = createInstance();
  await i18n.init({ ...i18nConfig, lng });
  return i18n.t;
}

describe("cadence in the viewer's language", () => {
  it("says how often and on which days, in English", async () => {
    const t = await translator("en");
    expect(formatCadence(ritual, t, "en")).toBe("Every 2 weeks on Wed");
    expect(formatCadence({ ...ritual, interval: 1, weekdays: [2, 4] }, t, "en")).toBe("Every Tue & Thu");
    expect(
      formatCadence({ ...ritual, frequency: "monthly", interval: 1, monthWeek: -1, monthWeekday: 5 }, t, "en"),
    ).toBe("Monthly on the last Friday");
    expect(formatCadence({ ...ritual, frequency: "once" }, t, "en")).toBe("Once, on Jan 7, 2026");
    expect(formatCadence({ ...ritual, count: 6 }, t, "en")).toBe("Every 2 weeks on Wed, 6 times");
  });

  it("uses Korean words and weekday names in Korean", async () => {
    const t = await translator("ko");
    expect(formatCadence(ritual, t, "ko")).toBe("2주마다 수");
    expect(formatCadence({ ...ritual, frequency: "monthly", interval: 1, monthDay: 15 }, t, "ko")).toBe("매월 15일");
  });

  it("writes the local start the way the viewer's locale does, whatever the server's zone", () => {
    const expected = (locale: string) =>
      DateTime.fromObject({ year: 2026, month: 1, day: 7, hour: 16 }, { zone: "Asia/Seoul", locale }).toLocaleString(
        DateTime.TIME_SIMPLE,
      );
    expect(formatLocalStart(ritual, "en")).toBe(expected("en"));
    expect(formatLocalStart(ritual, "ko")).toBe(expected("ko"));
  });
});

describe("times around a clock change", () => {
  it("says which of the two 2:15s is meant on the night the clocks go back, as luxon names the offsets", () => {
    // 25 October 2026 in Berlin: 02:00-03:00 happens twice, first at UTC+2, then at UTC+1.
    const first = DateTime.fromISO("2026-10-25T00:15:00Z");
    const second = first.plus({ hours: 1 });
    const shown = [first, second].map((at) => formatTime(at.toMillis(), "Europe/Berlin", "en-US"));
    const names = [first, second].map((at) => at.setZone("Europe/Berlin").setLocale("en-US").offsetNameShort);
    expect(names[0]).not.toBe(names[1]);
    expect(shown).toEqual([`2:15 AM ${names[0]}`, `2:15 AM ${names[1]}`]);
    // Any other hour reads as usual.
    expect(formatTime(first.minus({ hours: 2 }).toMillis(), "Europe/Berlin", "en-US")).toBe("12:15 AM");
    expect(formatTime(DateTime.fromISO("2026-10-26T09:00:00Z").toMillis(), "Europe/Berlin", "en-US")).toBe("10:00 AM");
  });

  it("writes every other time as luxon does, in each language and in zones with odd offsets and DST", () => {
    const zones = [
      "Europe/Berlin",
      "America/New_York",
      "Asia/Seoul",
      "Asia/Kolkata",
      "Australia/Lord_Howe",
      "Asia/Kathmandu",
    ];
    for (const locale of ["en", "en-US", "ko"]) {
      for (const zone of zones) {
        // Every 3,589 minutes (almost 60 hours) through a year: every hour of the day comes round, on both sides of each change.
        for (
          let at = Date.parse("2026-01-01T00:00:00Z");
          at < Date.parse("2027-01-01T00:00:00Z");
          at += 3589 * 60_000
        ) {
          const local = DateTime.fromMillis(at, { zone, locale });
          const shown = formatTime(at, zone, locale);
          expect(shown.startsWith(local.toLocaleString(DateTime.TIME_SIMPLE))).toBe(true);
        }
      }
    }
  });
});
