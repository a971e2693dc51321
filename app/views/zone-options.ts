/**
 * The time-zone pickers' options: some 430 names on every page with a zone
 * field, the same for the life of the process, sent as one string of names
 * apart by spaces (IANA names have none) rather than a list of 430.
 */
export interface ZoneOptions {
  names: string;
}
