import type { TFunction } from "i18next";
import { formatDay, formatTime } from "~/i18n/format";
import { env } from "~/utils/env.server";
import { rsvpToken, type RsvpTarget } from "~/utils/signed-token.server";
import { RSVP_ANSWERS } from "~/domain/rsvp";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/domain/languages";

// How mail speaks: the language members read, the footer with their email switch, times on their clock.

/** The language a member reads mail in: the one they chose in the app, or the default without an account. */
export function memberLanguage(member: { user: { language: string } | null }): Language {
  return isLanguage(member.user?.language) ? member.user.language : DEFAULT_LANGUAGE;
}

const settingsUrl = (teamId: string, memberId: string) =>
  new URL(`/teams/${teamId}/members/${memberId}/edit`, env.appUrl).toString();

export function memberFooter(t: TFunction, team: string, teamId: string, memberId: string): string {
  return `\n\n-- \n${t("mail.footer", { team, url: settingsUrl(teamId, memberId) })}`;
}

/** "Tue, Nov 24 4:00 PM" on someone's clock. */
export function when(instant: number, zone: string, language: string): string {
  return `${formatDay(instant, zone, language)} ${formatTime(instant, zone, language)}`;
}

/** The one-click answers to one meeting, each its own signed link for this person. */
export function rsvpLines(t: TFunction, when: string, target: RsvpTarget): string {
  const url = new URL(`/rsvp/${rsvpToken(target)}`, env.appUrl);
  const answers = RSVP_ANSWERS.map((answer) => {
    url.searchParams.set("answer", answer);
    return t(`rsvp.mailAnswer.${answer}`, { url: url.toString() });
  });
  return [t("rsvp.mailQuestion", { when }), ...answers].join("\n");
}
