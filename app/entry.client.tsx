import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { catalogLoader } from "./i18n/catalog-loader";
import { i18nOptions } from "./i18n/config";

async function hydrate() {
  // The server rendered in the language written on <html lang>; start in the same one.
  // Only that language's catalog is loaded; every catalog has the same keys, so none is needed as a fallback.
  await i18next
    .use(initReactI18next)
    .use(catalogLoader)
    .init({ ...i18nOptions, lng: document.documentElement.lang, fallbackLng: false });
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
