import { z } from "zod";
import { isValidTimeZone } from "./time-zones";

/** Collapses line breaks and runs of white space: names and titles are one line. */
export function singleLine(max: number, requiredKey: string) {
  return z
    .string({ required_error: requiredKey })
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, requiredKey).max(max, "validation.tooLong"));
}

export const timeZoneName = z
  .string({ required_error: "validation.timeZoneRequired" })
  .trim()
  .min(1, "validation.timeZoneRequired")
  .refine(isValidTimeZone, "validation.timeZoneUnknown");

export const emailAddress = z
  .string({ required_error: "validation.emailRequired" })
  .trim()
  .toLowerCase()
  .min(1, "validation.emailRequired")
  .email("validation.emailInvalid")
  .max(254, "validation.tooLong");

export function longText(max: number) {
  return z.string().max(max, "validation.tooLong").default("");
}
