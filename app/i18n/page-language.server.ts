import { isLanguage } from "~/domain/languages";
import { i18nServer } from "./i18next.server";
import { sharedPageLanguage } from "~/models/note.server";

/**
 * The language a page is written in: a customer's shared page in the customer's
 * language, whoever opens it; every other page in the reader's choice.
 */
export async function pageLanguage(request: Request): Promise<string> {
  const shared = /^\/shared\/([^/.]+)$/.exec(new URL(request.url).pathname);
  const customerLanguage = shared ? await sharedPageLanguage(shared[1]!) : null;
  return customerLanguage && isLanguage(customerLanguage) ? customerLanguage : i18nServer.getLocale(request);
}
