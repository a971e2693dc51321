import { z } from "zod";
import { clockTime, isoWeekday } from "./clock";
import { emailAddress, longText, singleLine, timeZoneName } from "./fields";
import { LANGUAGES } from "./languages";
import { withCrossChecks } from "./cross-checks";
import { isHolidayRegion } from "./holidays";

export const teamSchema = z.object({
  name: singleLine(120, "validation.nameRequired"),
  timeZone: timeZoneName,
});
export type TeamInput = z.output<typeof teamSchema>;

/** Working hours in the person's own zone; a day's end may be "24:00". */
const workingHours = {
  workStart: clockTime.default("09:00"),
  workEnd: z
    .string()
    .trim()
    .default("18:00")
    .pipe(
      z
        .literal("24:00")
        .transform(() => 1440)
        .or(clockTime),
    ),
  workDays: z.array(isoWeekday).min(1, "validation.workDaysRequired").default([1, 2, 3, 4, 5]),
};

/** A day may end after midnight (a night shift, 22:00-06:00), but must have some length. */
function endAfterStart(value: { workStart?: number; workEnd?: number }, ctx: z.RefinementCtx) {
  if (value.workStart === undefined || value.workEnd === undefined) return;
  if (value.workEnd % 1440 === value.workStart) {
    ctx.addIssue({ code: "custom", path: ["workEnd"], message: "validation.workHoursEmpty" });
  }
}

/** Whose public holidays are days off ("KR", "us-ca"); empty for none, absent (a form without it) to keep it. */
const holidayRegion = z
  .string()
  .trim()
  .toUpperCase()
  .nullish()
  .transform((value) => (value === undefined ? undefined : value || null))
  .refine((value) => !value || isHolidayRegion(value), "validation.holidayRegionUnknown");

const profileFields = {
  name: singleLine(120, "validation.nameRequired"),
  timeZone: timeZoneName,
  ...workingHours,
  holidayRegion,
};

/** What a person says about themselves when they join a team. */
export const memberProfileSchema = withCrossChecks(profileFields, endAfterStart);
export type MemberProfile = z.output<typeof memberProfileSchema>;

export const memberSchema = withCrossChecks({ ...profileFields, email: emailAddress }, endAfterStart);
export type MemberInput = z.output<typeof memberSchema>;

/** A new team and its first member, the owner, in one form. */
export const newTeamSchema = withCrossChecks(
  { teamName: singleLine(120, "validation.nameRequired"), teamTimeZone: timeZoneName, ...profileFields },
  endAfterStart,
);
export type NewTeamInput = z.output<typeof newTeamSchema>;

export const customerSchema = z.object({
  name: singleLine(120, "validation.nameRequired"),
  timeZone: timeZoneName,
  etiquetteNote: longText(5000),
  language: z.enum(LANGUAGES, { message: "validation.invalid" }).default("en"),
  holidayRegion,
});
export type CustomerInput = z.output<typeof customerSchema>;

export const contactSchema = withCrossChecks(
  {
    name: singleLine(120, "validation.nameRequired"),
    email: emailAddress,
    /** Empty means the customer's own zone. */
    timeZone: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .pipe(timeZoneName.optional()),
    ...workingHours,
  },
  endAfterStart,
);
export type ContactInput = z.output<typeof contactSchema>;

/**
 * Whose clock a customer's contact reads times on: their own zone, or the
 * customer's when they gave none. What a customer reads together (their
 * invite, their shared page) is on the customer's clock.
 */
export function contactTimeZone(contact: { timeZone: string | null }, customer: { timeZone: string }): string {
  return contact.timeZone ?? customer.timeZone;
}

/** Everyone a team's rituals can invite: its members and its customers' contacts. */
export function everyoneOf<M, C>(team: {
  members: readonly M[];
  customers: readonly { contacts: readonly C[] }[];
}): (M | C)[] {
  return [...team.members, ...team.customers.flatMap((customer) => customer.contacts)];
}

/** How many addresses one press of "Send invites" may mail. */
export const MAX_INVITES_AT_ONCE = 50;

/** One address per piece of a pasted list; "Name <address>" as mail apps copy it gives the address. */
function addressesIn(text: string): string[] {
  const pieces = text.split(/[,;\n\r]+/).map((piece) => (/<([^<>]*)>/.exec(piece)?.[1] ?? piece).trim().toLowerCase());
  return [...new Set(pieces.filter(Boolean))];
}

const oneAddress = z.string().email().max(254);

/** Addresses to mail invite links to: one or many, separated by commas, semicolons or lines. */
export const invitedAddressesSchema = z.object({
  addresses: z
    .string({ required_error: "validation.addressesRequired" })
    .transform(addressesIn)
    .superRefine((addresses, context) => {
      const problem =
        addresses.length === 0
          ? "validation.addressesRequired"
          : addresses.length > MAX_INVITES_AT_ONCE
            ? "validation.tooManyAddresses"
            : addresses.some((address) => !oneAddress.safeParse(address).success)
              ? "validation.addressesInvalid"
              : null;
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
});
