import { IANAZone } from "luxon";

/**
 * True for names the time-zone database knows ("Europe/Berlin", "UTC").
 * Asks luxon rather than Intl.supportedValuesOf, which omits valid aliases
 * such as "Asia/Kolkata"; fixed offsets like "+05:00" are not zones.
 */
export function isValidTimeZone(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) && IANAZone.isValidZone(name);
}

/** Every zone by its city, lower case with spaces: "los angeles" -> "America/Los_Angeles". */
let zonesByCity: Map<string, string | null> | null = null;
function cityIndex(): Map<string, string | null> {
  if (zonesByCity) return zonesByCity;
  zonesByCity = new Map();
  for (const zone of [...Intl.supportedValuesOf("timeZone"), "Asia/Kolkata", "Europe/Kyiv"]) {
    const city = zone.split("/").at(-1)!.replace(/_/g, " ").toLowerCase();
    const known = zonesByCity.get(city);
    // Two zones with one city name (none today) would be ambiguous: neither is guessed.
    zonesByCity.set(city, known === undefined || known === zone ? zone : null);
  }
  return zonesByCity;
}

/**
 * The zone a person meant: a zone name as typed, or the zone of a city typed
 * on its own ("Berlin", "los angeles"). Unknown input comes back unchanged.
 */
export function resolveTimeZone(typed: string): string {
  const name = typed.trim();
  if (isValidTimeZone(name)) return name;
  return cityIndex().get(name.replace(/[\s_]+/g, " ").toLowerCase()) ?? name;
}
