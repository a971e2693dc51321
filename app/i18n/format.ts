import type { TFunction } from "i18next";
import { DateTime, Info } from "luxon";
import { turnsOf } from "~/domain/recurrence";
import { localToInstant, ZoneOffsets } from "~/domain/zone-offsets";
import type { Ritual } from "~/domain/ritual";

/** Weekday names in the viewer's language; ISO numbering, 1 = Monday. */
function weekdayName(isoDay: number, locale: string, width: "short" | "long" = "short"): string {
  return Info.weekdays(width, { locale })[isoDay - 1] ?? String(isoDay);
}

function listFormat(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: "short", type: "conjunction" }).format(items);
}

function formatLocalDate(isoDate: string, locale: string): string {
  return DateTime.fromISO(isoDate, { locale }).toLocaleString(DateTime.DATE_MED);
}

/** The weeks of a month a ritual can meet in: first to fourth, or the last one (-1). */
export const MONTH_WEEKS = ["1", "2", "3", "4", "-1"] as const;

/** A stored month week as one of MONTH_WEEKS (the first, if it is none of them). */
export function monthWeekOf(week: number | null): (typeof MONTH_WEEKS)[number] {
  return MONTH_WEEKS.find((value) => value === String(week)) ?? "1";
}

/** "Every Tue and Thu", "Every 2 weeks on Wed", "Monthly on the last Fri", "Once, on Dec 3, 2026". */
export function formatCadence(ritual: Ritual, t: TFunction, locale: string): string {
  let rule: string;
  if (ritual.frequency === "once") {
    return t("cadence.once", { date: formatLocalDate(ritual.startDate, locale) });
  } else if (ritual.frequency === "weekly") {
    const days = listFormat(
      ritual.weekdays.map((day) => weekdayName(day, locale)),
      locale,
    );
    rule =
      ritual.interval === 1
        ? t("cadence.weekly", { days })
        : t("cadence.everyNWeeks", { count: ritual.interval, days });
  } else if (ritual.monthDay !== null) {
    rule =
      ritual.interval === 1
        ? t("cadence.monthlyDay", { day: ritual.monthDay })
        : t("cadence.everyNMonthsDay", { count: ritual.interval, day: ritual.monthDay });
  } else {
    const nth = t(`cadence.nth.${monthWeekOf(ritual.monthWeek)}`);
    const weekday = weekdayName(ritual.monthWeekday ?? 1, locale, "long");
    rule =
      ritual.interval === 1
        ? t("cadence.monthlyWeekday", { nth, weekday })
        : t("cadence.everyNMonthsWeekday", { count: ritual.interval, nth, weekday });
  }
  if (ritual.untilDate)
    return `${rule}, ${t("cadence.untilDate", { date: formatLocalDate(ritual.untilDate, locale) })}`;
  if (ritual.count) return `${rule}, ${t("cadence.times", { count: ritual.count })}`;
  return rule;
}

/**
 * The ritual's start as a wall-clock time in its own zone, written the viewer's
 * way ("10:00", "오전 10:00"); a rotation's times in turn ("9:00 AM / 5:00 PM").
 */
export function formatLocalStart(ritual: Ritual, locale: string): string {
  return turnsOf(ritual)
    .map((minutes) =>
      DateTime.fromISO(ritual.startDate, { zone: ritual.timeZone, locale })
        .set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
        .toLocaleString(DateTime.TIME_SIMPLE),
    )
    .join(" / ");
}

/** A meeting's day where someone is: "Tue, Nov 24" / "11월 24일 (화)". */
export function formatDay(instant: number, timeZone: string, locale: string): string {
  return DateTime.fromMillis(instant, { zone: timeZone, locale }).toLocaleString({
    weekday: "short",
    month: "short",
    day: "numeric",
  });
}

/**
 * A wall-clock time where someone is, the viewer's way. In the hour that
 * happens twice when the clocks go back, the offset says which one is meant
 * ("2:15 AM GMT+2–2:15 AM GMT+1" rather than "2:15 AM–2:15 AM").
 */
export function formatTime(instant: number, timeZone: string, locale: string): string {
  const offsets = ZoneOffsets.for(timeZone);
  const repeated = localToInstant(offsets, offsets.toLocalMs(instant)).adjustment === "ambiguous";
  if (!repeated) return timeFormat(locale, timeZone).format(instant);
  const local = DateTime.fromMillis(instant, { zone: timeZone, locale });
  return `${local.toLocaleString(DateTime.TIME_SIMPLE)} ${local.offsetNameShort ?? local.toFormat("ZZ")}`;
}

/** Luxon's TIME_SIMPLE as one formatter per language and zone: a page writes dozens of times, and making one costs far more than using it. */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...DateTime.TIME_SIMPLE, timeZone });
    timeFormats.set(key, format);
  }
  return format;
}

/** A calendar date with its weekday, the viewer's way: "Mon, Dec 14, 2026" / "2026년 12월 14일 (월)". */
export function formatDate(isoDate: string, locale: string): string {
  return DateTime.fromISO(isoDate, { locale }).toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY);
}

/** A span of days, both included: one date, or "Mon, Dec 21, 2026 – Fri, Jan 1, 2027". */
export function formatDateSpan(firstDay: string, lastDay: string, locale: string): string {
  return firstDay === lastDay
    ? formatDate(firstDay, locale)
    : `${formatDate(firstDay, locale)} – ${formatDate(lastDay, locale)}`;
}

/**
 * What a customer is told of a host's time away, on the shared page and in
 * the recap: "Ji-woo is away until Fri, Jan 8, 2027; Lena (lena@…) covers."
 */
export function formatCover(
  span: {
    firstDay: string;
    lastDay: string;
    message: string;
    member: { name: string };
    delegate: { name: string; email: string } | null;
  },
  t: TFunction,
  locale: string,
): string {
  const dates = {
    name: span.member.name,
    from: formatDate(span.firstDay, locale),
    until: formatDate(span.lastDay, locale),
  };
  const line = span.delegate
    ? t("shared.awayCovered", { ...dates, delegate: span.delegate.name, email: span.delegate.email })
    : t("shared.away", dates);
  return span.message ? `${line} ${span.message}` : line;
}
