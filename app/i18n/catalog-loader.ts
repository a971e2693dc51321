import type { BackendModule } from "i18next";
import type { Catalog } from "./locales/en";

/** Each catalog is its own chunk: the browser downloads the page's language only, and another one when switched to. */
export function loadCatalog(language: string): Promise<Catalog> {
  return language === "ko"
    ? import("./locales/ko").then((module) => module.default)
    : import("./locales/en").then((module) => module.default);
}

export const catalogLoader: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    loadCatalog(language).then(
      (catalog) => callback(null, catalog),
      (error: Error) => callback(error, null),
    );
  },
};
