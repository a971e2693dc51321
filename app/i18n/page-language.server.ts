import { isLanguage } from "~/domain/languages";
import { i18nServer } from "./i18next.server";
import { sharedPageLanguage } from "~/models/note.server";
import { rsvpPersonLanguage } from "~/models/rsvp.server";
import { readRsvpToken } from "~/utils/signed-token.server";

/**
 * The language a page is written in: a customer's shared page in the customer's
 * language, whoever opens it; an RSVP link's page in its person's; every other
 * page in the reader's choice.
 */
export async function pageLanguage(request: Request): Promise<string> {
  const path = new URL(request.url).pathname;
  const shared = /^\/shared\/([^/.]+)$/.exec(path);
  const rsvp = shared ? null : /^\/rsvp\/([^/]+)$/.exec(path);
  const rsvpTarget = rsvp && readRsvpToken(rsvp[1]!);
  const linkLanguage = shared
    ? await sharedPageLanguage(shared[1]!)
    : rsvpTarget
      ? await rsvpPersonLanguage(rsvpTarget.person)
      : null;
  return linkLanguage && isLanguage(linkLanguage) ? linkLanguage : i18nServer.getLocale(request);
}
