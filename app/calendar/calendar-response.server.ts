import type { TFunction } from "i18next";
import type { CalendarLabels } from "./ritual-calendars";
import type { RitualKind } from "~/domain/ritual-kinds";
import { DAY } from "~/domain/durations";

/** The words inside calendar files, in the reader's language. */
export function calendarLabels(t: TFunction, kind: RitualKind): CalendarLabels {
  return {
    kind: t(`kind.${kind}`),
    goEarly: (title) => t("calendar.goEarly", { title }),
    stayLate: (title) => t("calendar.stayLate", { title }),
    roomOpensEarly: (minutes) => t("calendar.roomOpensEarly", { count: minutes }),
    agenda: t("calendar.agenda"),
    etiquette: t("calendar.etiquette"),
    notes: t("calendar.notes"),
  };
}

/**
 * Four weeks back to six months ahead, from the start of today (UTC), so the
 * window changes once a day. Calendar apps poll and re-read the whole feed, and a
 * host's meetings come with two buffers each: a year ahead was thousands of
 * events. The series invites carry every meeting for those who plan further.
 */
export const FEED_DAYS = { back: 28, ahead: 183 };

export function feedWindow(now = Date.now()) {
  const today = Math.floor(now / DAY) * DAY;
  return { from: today - FEED_DAYS.back * DAY, to: today + FEED_DAYS.ahead * DAY };
}

/** "Team check-in" → "team-check-in.ics"; letters of any script are kept. */
export function calendarFilename(title: string, extension = "ics"): string {
  const slug = title
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 60);
  return `${slug || "rituals"}.${extension}`;
}

/** The headers of a file to save, named in any script (with an ASCII fallback for old clients). */
export function downloadHeaders(filename: string, contentType: string): Record<string, string> {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return {
    "Content-Type": `${contentType}; charset=utf-8`,
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    "Cache-Control": "private, no-cache",
  };
}

/** A file to save. */
export function downloadResponse(
  body: string | Uint8Array<ArrayBuffer>,
  filename: string,
  contentType: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(body, { headers: { ...downloadHeaders(filename, contentType), ...headers } });
}

export function calendarResponse(
  body: string | Uint8Array<ArrayBuffer>,
  filename: string,
  headers: Record<string, string> = {},
): Response {
  return downloadResponse(body, filename, "text/calendar", headers);
}
