import { DateTime } from "luxon";
import { z } from "zod";
import { isValidTimeZone, resolveTimeZone } from "./time-zones";

/** Invisible control characters (NUL and the like) that no one types on purpose; tabs and line breaks aside. */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;

/** Collapses line breaks and runs of white space: names and titles are one line. */
export function singleLine(max: number, requiredKey: string) {
  return z
    .string({ required_error: requiredKey })
    .refine((value) => !CONTROL.test(value), "validation.controlCharacters")
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, requiredKey).max(max, "validation.tooLong"));
}

export const timeZoneName = z
  .string({ required_error: "validation.timeZoneRequired" })
  .trim()
  .min(1, "validation.timeZoneRequired")
  .transform(resolveTimeZone)
  .refine(isValidTimeZone, "validation.timeZoneUnknown");

export const emailAddress = z
  .string({ required_error: "validation.emailRequired" })
  .trim()
  .toLowerCase()
  .min(1, "validation.emailRequired")
  .email("validation.emailInvalid")
  .max(254, "validation.tooLong");

export function longText(max: number) {
  return z
    .string()
    .max(max, "validation.tooLong")
    .refine((value) => !CONTROL.test(value), "validation.controlCharacters")
    .default("");
}

/** The years a meeting, deadline or due date can sensibly fall in; "0001-01-01" is a typo, not a plan. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2199;

/** A calendar date as YYYY-MM-DD. */
export const localDate = z
  .string({ required_error: "validation.dateRequired" })
  .trim()
  .min(1, "validation.dateRequired")
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid, "validation.dateInvalid")
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
  }, "validation.dateOutOfRange");

/** A date that may be left empty (empty means none). */
export const optionalLocalDate = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((value) => value || undefined)
  .pipe(localDate.optional());
