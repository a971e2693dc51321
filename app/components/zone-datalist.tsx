import type { ZoneOptions } from "~/views/zone-options";

const escaped = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The options' HTML for the names last shown: every page gets the same names, so it is made once. */
let made: { names: string; html: string } | null = null;

function optionsHtml(names: string): string {
  if (made?.names !== names) {
    const html = names
      .split(" ")
      .map((zone) => `<option value="${escaped(zone)}"></option>`)
      .join("");
    made = { names, html };
  }
  return made.html;
}

/**
 * A datalist of every zone the app computes in (it works without JavaScript,
 * too), written as one element rather than 430: the same HTML on the server and in the browser.
 */
export function ZoneDatalist({ id, zones }: { id: string; zones: ZoneOptions }) {
  return <datalist id={id} dangerouslySetInnerHTML={{ __html: optionsHtml(zones.names) }} />;
}
