import { IANAZone } from "luxon";

/**
 * The zone database's current names for ones it renamed: browsers and Node still list
 * (and report) the old ones, and a team in Bengaluru looks for Kolkata.
 */
const RENAMED: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Europe/Kiev": "Europe/Kyiv",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "America/Godthab": "America/Nuuk",
  "Pacific/Enderbury": "Pacific/Kanton",
};

/** Cities people type that name no zone of their own: the zone they live in. */
const CITIES: Record<string, string> = {
  "san francisco": "America/Los_Angeles",
  seattle: "America/Los_Angeles",
  "san diego": "America/Los_Angeles",
  portland: "America/Los_Angeles",
  "new york city": "America/New_York",
  boston: "America/New_York",
  washington: "America/New_York",
  atlanta: "America/New_York",
  miami: "America/New_York",
  austin: "America/Chicago",
  dallas: "America/Chicago",
  houston: "America/Chicago",
  montreal: "America/Toronto",
  bengaluru: "Asia/Kolkata",
  bangalore: "Asia/Kolkata",
  mumbai: "Asia/Kolkata",
  delhi: "Asia/Kolkata",
  "new delhi": "Asia/Kolkata",
  chennai: "Asia/Kolkata",
  hyderabad: "Asia/Kolkata",
  pune: "Asia/Kolkata",
  osaka: "Asia/Tokyo",
  kyoto: "Asia/Tokyo",
  busan: "Asia/Seoul",
  incheon: "Asia/Seoul",
  beijing: "Asia/Shanghai",
  shenzhen: "Asia/Shanghai",
  hanoi: "Asia/Bangkok",
  munich: "Europe/Berlin",
  frankfurt: "Europe/Berlin",
  hamburg: "Europe/Berlin",
  barcelona: "Europe/Madrid",
  milan: "Europe/Rome",
  geneva: "Europe/Zurich",
  manchester: "Europe/London",
  edinburgh: "Europe/London",
  "tel aviv": "Asia/Jerusalem",
  "cape town": "Africa/Johannesburg",
  "rio de janeiro": "America/Sao_Paulo",
  "buenos aires": "America/Argentina/Buenos_Aires",
  wellington: "Pacific/Auckland",
  brisbane: "Australia/Brisbane",
};

/**
 * True for zones the time-zone database knows by place ("Europe/Berlin"), and "UTC".
 * Asks luxon rather than Intl.supportedValuesOf, which omits current names such as
 * "Asia/Kolkata". Abbreviations ("PST", "CET") are refused though Intl takes some: they
 * do not say which rules a place keeps, nor whether summer time is meant.
 */
export function isValidTimeZone(name: string): boolean {
  return (name === "UTC" || /^[A-Za-z]+\/[A-Za-z0-9_+\-/]+$/.test(name)) && IANAZone.isValidZone(name);
}

/** The current name of a zone the database renamed ("Asia/Calcutta" -> "Asia/Kolkata"). */
export function currentZoneName(zone: string): string {
  return RENAMED[zone] ?? zone;
}

/** Every zone by its city, lower case with spaces: "los angeles" -> "America/Los_Angeles". */
let zonesByCity: Map<string, string | null> | null = null;
function cityIndex(): Map<string, string | null> {
  if (zonesByCity) return zonesByCity;
  zonesByCity = new Map(Object.entries(CITIES));
  for (const zone of [...Intl.supportedValuesOf("timeZone"), ...Object.values(RENAMED)].map(currentZoneName)) {
    if (!zone.includes("/")) continue;
    const city = zone.split("/").at(-1)!.replace(/_/g, " ").toLowerCase();
    const known = zonesByCity.get(city);
    // Two zones with one city name (none today) would be ambiguous: neither is guessed.
    zonesByCity.set(city, known === undefined || known === zone ? zone : null);
  }
  for (const [old, current] of Object.entries(RENAMED)) {
    zonesByCity.set(old.split("/").at(-1)!.toLowerCase(), current);
  }
  return zonesByCity;
}

/**
 * The zone a person meant: a zone name as typed (by its current name), or the zone of
 * a city typed on its own ("Berlin", "los angeles", "Bengaluru"). Unknown input comes
 * back unchanged.
 */
export function resolveTimeZone(typed: string): string {
  const name = typed.trim();
  if (isValidTimeZone(name)) return currentZoneName(name);
  return cityIndex().get(name.replace(/[\s_]+/g, " ").toLowerCase()) ?? name;
}
