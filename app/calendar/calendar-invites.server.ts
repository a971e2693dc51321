/**
 * The calendar files people get, whether they download them or receive them
 * by mail: one place, so both carry the same UID, SEQUENCE and content.
 */
import { customerSeriesInvite, meetingFile, teamSeriesInvite } from "./ritual-calendars";
import { calendarLabels } from "./calendar-response.server";
import { formatDay } from "../i18n/format";
import type { StoredRitual } from "../domain/ritual";
import { env } from "../utils/env.server";
import { i18nServer } from "../i18n/i18next.server";
import { listSeriesChanges } from "../models/meeting.server";
import { sharedPagesOf, shareTokenOf } from "../models/note.server";
import { getRitualPeople } from "../models/ritual.server";

/** The series invite for a team member, with reminders set for them (hosts are reminded to go early). */
export async function teamSeriesFile(
  ritual: StoredRitual,
  viewer: { memberId?: string; userId?: string },
  language: string,
): Promise<string> {
  const [{ attendees }, changes, t] = await Promise.all([
    getRitualPeople(ritual.id),
    listSeriesChanges(ritual.id),
    i18nServer.getFixedT(language),
  ]);
  const viewerIsHost = attendees.some(
    (a) => a.role === "host" && (a.memberId === viewer.memberId || (!!viewer.userId && a.userId === viewer.userId)),
  );
  return teamSeriesInvite(
    ritual,
    { attendees, changes, viewerIsHost },
    { appUrl: env.appUrl, labels: calendarLabels(t, ritual.kind) },
  );
}

/** The tea-time invite for the customer's contacts, in the customer's language, with the pages shared with them. */
export async function customerSeriesFile(ritual: StoredRitual): Promise<string> {
  const language = ritual.customer?.language ?? "en";
  const [{ attendees, contacts }, changes, t, shared] = await Promise.all([
    getRitualPeople(ritual.id),
    listSeriesChanges(ritual.id),
    i18nServer.getFixedT(language),
    sharedPagesOf(ritual.id),
  ]);
  const hosts = attendees.filter((a) => a.role === "host");
  // The shared note pages, dated on the customer's clock, so the invite leads them to the notes.
  const sharedNotes = shared.map((page) => ({
    date: formatDay(page.meeting.originalStart.getTime(), ritual.timeZone, language),
    url: new URL(`/shared/${shareTokenOf(page)}`, env.appUrl).toString(),
  }));
  return customerSeriesInvite(
    ritual,
    { hosts, contacts, changes, sharedNotes },
    { appUrl: env.appUrl, labels: calendarLabels(t, ritual.kind) },
  );
}

/** One meeting's invite, or its cancellation once it has been cancelled: the team's, or the customer's. */
export async function meetingCalendarFile(
  ritual: StoredRitual,
  meeting: Parameters<typeof meetingFile>[1],
  language: string,
  audience: "team" | "customer" = "team",
): Promise<string> {
  const [{ attendees, contacts }, t] = await Promise.all([getRitualPeople(ritual.id), i18nServer.getFixedT(language)]);
  return meetingFile(
    ritual,
    meeting,
    { attendees, contacts },
    { appUrl: env.appUrl, labels: calendarLabels(t, ritual.kind) },
    audience,
  );
}
