import type { TFunction } from "i18next";
import { formatDay, formatTime } from "~/i18n/format";
import { env } from "~/utils/env.server";

// How mail speaks: the language members read, the footer with their email switch, times on their clock.

/** Members read mail in English (the app keeps no language per member); customers in their own. */
export const MEMBER_LANGUAGE = "en";

const settingsUrl = (teamId: string, memberId: string) =>
  new URL(`/teams/${teamId}/members/${memberId}/edit`, env.appUrl).toString();

export function memberFooter(t: TFunction, team: string, teamId: string, memberId: string): string {
  return `\n\n-- \n${t("mail.footer", { team, url: settingsUrl(teamId, memberId) })}`;
}

/** "Tue, Nov 24 4:00 PM" on someone's clock. */
export function when(instant: number, zone: string, language: string): string {
  return `${formatDay(instant, zone, language)} ${formatTime(instant, zone, language)}`;
}
