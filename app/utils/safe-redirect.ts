/** An origin no real site has: relative paths are resolved against it, and whatever leaves it is refused. */
const HOME = "http://rituals.invalid";

/** Far longer than any page's address here: anything longer is not one. */
const MAX_LENGTH = 2048;

/** Control characters and backslashes: browsers drop or rewrite them in URLs, turning "/\t/x" into "//x". */
const SLIPPERY = /[\p{Cc}\\]/u;

/**
 * A path on this site to send someone to after a form, or `fallback`. Refuses
 * anything that a browser could read as another site: "//evil", "/\evil",
 * "/\t/evil", their percent-encoded forms, and absolute URLs.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length > MAX_LENGTH || !to.startsWith("/") || SLIPPERY.test(to)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  if (SLIPPERY.test(decoded) || decoded.startsWith("//")) return fallback;
  const url = new URL(to, HOME);
  if (url.origin !== HOME || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
