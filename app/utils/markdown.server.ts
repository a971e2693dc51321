import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/** Raw HTML in a note is shown as text; links that are not web or mail links are not made links. */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

/**
 * A note sits under the page's own headings (h1 the meeting, h2 "Agenda"):
 * its "# Heading" becomes an h3, and so on down to h6, so the outline stays whole.
 */
const FIRST_NOTE_HEADING = 3;
markdown.core.ruler.push("nest_headings", (state) => {
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + FIRST_NOTE_HEADING - 1)}`;
    }
  }
});

/**
 * The only markup a rendered note may contain, whatever the Markdown library
 * makes of its input: a second fence, so a parser bug cannot become a script.
 */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"], th: ["style"], td: ["style"] },
  allowedStyles: { "*": { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow ugc" }),
  },
};

/** A note's Markdown as HTML that is safe to put in the page. */
export function renderMarkdown(text: string): string {
  return sanitizeHtml(markdown.render(text), ALLOWED);
}
