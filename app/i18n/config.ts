import { LANGUAGES } from "~/domain/languages";

/** What the server and the browser set up alike; the catalogs come separately (see catalogs.server.ts and catalog-loader.ts). */
export const i18nOptions = {
  supportedLngs: [...LANGUAGES],
  defaultNS: "common",
  ns: ["common"],
  interpolation: { escapeValue: false },
};
