import { i18nOptions } from "./config";
import en from "./locales/en";
import ko from "./locales/ko";

/** The server renders any language, so it holds every catalog; English fills any gap. */
export const i18nConfig = {
  ...i18nOptions,
  fallbackLng: "en",
  resources: { en: { common: en }, ko: { common: ko } },
};
