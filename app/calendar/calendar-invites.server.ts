/**
 * The calendar files people get, whether they download them or receive them
 * by mail: one place, so both carry the same UID, SEQUENCE and content.
 * Built from a ritual's record as loaded once by the caller.
 */
import { customerSeriesInvite, meetingFile, teamSeriesInvite } from "./ritual-calendars";
import { calendarLabels } from "./calendar-response.server";
import { formatDay } from "~/i18n/format";
import { env } from "~/utils/env.server";
import { translatorFor } from "~/i18n/i18next.server";
import type { RitualRecord } from "~/models/ritual-record.server";

/** The series invite for a team member, with reminders set for them (hosts are reminded to go early); or its cancellation. */
export async function teamSeriesFile(
  { ritual, attendees, changes }: RitualRecord,
  viewer: { memberId?: string; userId?: string },
  language: string,
  { cancelled = false } = {},
): Promise<string> {
  const t = await translatorFor(language);
  const viewerIsHost = attendees.some(
    (a) => a.role === "host" && (a.memberId === viewer.memberId || (!!viewer.userId && a.userId === viewer.userId)),
  );
  return teamSeriesInvite(
    ritual,
    { attendees, changes, viewerIsHost },
    { appUrl: env.appUrl, labels: calendarLabels(t, ritual.kind) },
    { cancelled },
  );
}

/** The tea-time invite for the customer's contacts, in the customer's language, with the pages shared with them. */
export async function customerSeriesFile(
  { ritual, attendees, contacts, changes, sharedPages }: RitualRecord,
  { cancelled = false } = {},
) {
  const language = ritual.customer?.language ?? "en";
  const t = await translatorFor(language);
  // One file for all the customer's contacts: the shared pages are dated on the customer's clock, as the pages are.
  const zone = ritual.customer?.timeZone ?? ritual.timeZone;
  const sharedNotes = sharedPages.map((page) => ({
    date: formatDay(page.originalStart, zone, language),
    url: new URL(`/shared/${page.token}`, env.appUrl).toString(),
  }));
  return customerSeriesInvite(
    ritual,
    { hosts: attendees.filter((a) => a.role === "host"), contacts, changes, sharedNotes },
    { appUrl: env.appUrl, labels: calendarLabels(t, ritual.kind) },
    { cancelled },
  );
}

/** One meeting's invite, or its cancellation once it has been cancelled: the team's, or the customer's. */
export async function meetingCalendarFile(
  { ritual, attendees, contacts }: RitualRecord,
  meeting: Parameters<typeof meetingFile>[1],
  language: string,
  audience: "team" | "customer" = "team",
): Promise<string> {
  const t = await translatorFor(language);
  return meetingFile(
    ritual,
    meeting,
    { attendees, contacts },
    { appUrl: env.appUrl, labels: calendarLabels(t, ritual.kind) },
    audience,
  );
}
