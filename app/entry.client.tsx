import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { catalogLoader, loadCatalog } from "./i18n/catalog-loader";
import { i18nOptions } from "./i18n/config";
import { isLanguage } from "~/domain/languages";

async function hydrate() {
  // The server rendered in the language written on <html lang>; start in the same one.
  // Only that language's catalog is downloaded, before hydrating, so nothing waits for it while rendering;
  // another one is fetched when someone switches. Every catalog has the same keys: none is a fallback.
  const lng = isLanguage(document.documentElement.lang) ? document.documentElement.lang : "en";
  await i18next
    .use(initReactI18next)
    .use(catalogLoader)
    .init({
      ...i18nOptions,
      lng,
      fallbackLng: false,
      partialBundledLanguages: true,
      resources: { [lng]: { common: await loadCatalog(lng) } },
    });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
