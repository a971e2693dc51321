export const supportedLanguages = ["en", "ko"] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];

/** What the server and the browser set up alike; the catalogs come separately (see catalogs.server.ts and catalog-loader.ts). */
export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  defaultNS: "common",
  ns: ["common"],
  interpolation: { escapeValue: false },
};

export function isSupportedLanguage(value: unknown): value is SupportedLanguage {
  return (supportedLanguages as readonly unknown[]).includes(value);
}
