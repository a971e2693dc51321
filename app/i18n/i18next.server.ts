import { createCookie } from "@remix-run/node";
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
