import { IANAZone } from "luxon";

/**
 * True for names the time-zone database knows ("Europe/Berlin", "UTC").
 * Asks luxon rather than Intl.supportedValuesOf, which omits valid aliases
 * such as "Asia/Kolkata"; fixed offsets like "+05:00" are not zones.
 */
export function isValidTimeZone(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) && IANAZone.isValidZone(name);
}
