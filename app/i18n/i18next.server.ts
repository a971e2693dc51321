import { createCookie } from "@remix-run/node";
import type { TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { i18nConfig } from "./catalogs.server";
import { LANGUAGES } from "~/domain/languages";

/** The language a person picked with the switcher; it wins over Accept-Language. Not secret, so not Secure-only. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: "en",
    cookie: languageCookie,
    order: ["cookie", "header"],
  },
  i18next: i18nConfig,
});

const translators = new Map<string, Promise<TFunction>>();

/**
 * The translation function for one language. The catalogs never change while
 * the app runs, so each language's is made once (`getFixedT` makes a new
 * i18next instance per call), however many mails or feeds ask for it.
 */
export function translatorFor(language: string): Promise<TFunction> {
  let translator = translators.get(language);
  if (!translator) {
    translator = i18nServer.getFixedT(language);
    translators.set(language, translator);
  }
  return translator;
}

/** The reader's language (their choice, else their browser's) and its translation function. */
export async function requestTranslation(request: Request): Promise<{ locale: string; t: TFunction }> {
  const locale = await i18nServer.getLocale(request);
  return { locale, t: await translatorFor(locale) };
}
