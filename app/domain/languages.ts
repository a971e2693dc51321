// The languages the app speaks, and customers may be written to in. Kept free of
// imports: the browser's language switcher reads it.

export const LANGUAGES = ["en", "ko"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** What the app speaks to someone who has chosen nothing yet. */
export const DEFAULT_LANGUAGE: Language = "en";
