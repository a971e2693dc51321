import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "~/domain/languages";

const LANGUAGE_NAMES: Record<string, string> = { en: "English", ko: "한국어" };

/** A plain form, so switching works before JavaScript loads and without it. */
export function LanguageSwitcher({ current }: { current: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switcher" aria-label={t("app.switchLanguage")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="submit"
          name="lng"
          value={language}
          lang={language}
          aria-pressed={language === current}
          className="chip"
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </Form>
  );
}
