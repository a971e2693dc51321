import en from "./locales/en";
import ko from "./locales/ko";

export const supportedLanguages = ["en", "ko"] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];

/** Shared by the server and the browser instance. The catalogs are small, so both ship inline. */
export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: "en",
  defaultNS: "common",
  ns: ["common"],
  resources: { en: { common: en }, ko: { common: ko } },
  interpolation: { escapeValue: false },
};

export function isSupportedLanguage(value: unknown): value is SupportedLanguage {
  return (supportedLanguages as readonly unknown[]).includes(value);
}
