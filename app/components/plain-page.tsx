import { useMatches } from "@remix-run/react";

/**
 * A route handle for pages that work as plain HTML forms (sign-in, sign-up, the account page):
 * they ship none of the app's JavaScript, so the first page a new person opens stays small.
 */
export const PLAIN_PAGE = { hydrate: false } as const;

export function useIsPlainPage(): boolean {
  return useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}

// What the app's own submit buttons do with JavaScript, for a plain page: a double click sends the
// form once (a second sign-up would answer "that address has an account"); the form can be sent
// again when the page is shown from the back-forward cache.
const SUBMIT_ONCE = `addEventListener("submit",function(e){var f=e.target;if(f.dataset.sent){e.preventDefault();return}f.dataset.sent="1";f.querySelectorAll("[type=submit]").forEach(function(b){b.setAttribute("aria-busy","true")})});addEventListener("pageshow",function(){document.querySelectorAll("form[data-sent]").forEach(function(f){delete f.dataset.sent})})`;

export function SubmitOnceScript({ nonce }: { nonce: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SUBMIT_ONCE }} />;
}
