import { Info } from "luxon";

/**
 * Options for the time-zone and weekday pickers, made on the server: browsers
 * and Node carry different locale data, and the page must hydrate to the same text.
 */
export function timeZoneOptions(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : [...zones, "UTC"];
}

export function weekdayOptions(locale: string): { value: number; label: string }[] {
  return Info.weekdays("long", { locale }).map((label, index) => ({ value: index + 1, label }));
}
