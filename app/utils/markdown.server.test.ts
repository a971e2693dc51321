import { describe, expect, it } from "vitest";
import { XSS_PAYLOADS } from "~tests/fixtures/xss-payloads";
import { renderMarkdown } from "./markdown.server";

/** What must never reach the page: a script element, an event handler, or a link that runs code. */
function dangers(html: string): string[] {
  const found: string[] = [];
  // Only real tags count: text that merely mentions "<script>" arrives escaped as "&lt;script&gt;".
  for (const [tag, name] of html.matchAll(/<([a-z][a-z0-9]*)\b[^>]*>/gi)) {
    if (/^(script|iframe|svg|math|img|input|body|details|style|object|embed)$/i.test(name!)) found.push(`<${name}>`);
    if (/\son[a-z]+\s*=/i.test(tag)) found.push(`handler in ${tag}`);
    for (const [, href] of tag.matchAll(/(?:href|src)="([^"]*)"/gi)) {
      if (!/^(https?:|mailto:)/i.test(href!)) found.push(`link to ${href}`);
    }
  }
  return found;
}

describe("rendering notes", () => {
  it("keeps the Markdown people write: lists, emphasis, links, code, tables", () => {
    const html = renderMarkdown(
      "## Plan\n\n- **ship** the _beta_\n- see [the doc](https://example.com/doc)\n\n`code`\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    );
    expect(html).toContain("<h4>Plan</h4>");
    expect(html).toContain("<strong>ship</strong>");
    expect(html).toContain("<em>beta</em>");
    expect(html).toContain('<a href="https://example.com/doc" rel="noopener noreferrer nofollow ugc">the doc</a>');
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<td>1</td>");
  });

  it("puts a note's headings below the page's own (h1 the meeting, h2 the section)", () => {
    const html = renderMarkdown("# Goals\n\n## Risks\n\n###### Deep");
    expect(html).toBe("<h3>Goals</h3>\n<h4>Risks</h4>\n<h6>Deep</h6>\n");
  });

  it("has a detector that does see danger when it is there", () => {
    expect(dangers('<a href="javascript:x" onclick="y">x</a><script>')).toHaveLength(3);
    expect(dangers("&lt;script&gt; onclick=&quot;x&quot;")).toEqual([]);
  });

  it.each(XSS_PAYLOADS)("renders %j inert", (payload) => {
    expect(dangers(renderMarkdown(payload))).toEqual([]);
    expect(dangers(renderMarkdown(`Before\n\n${payload}\n\nafter`))).toEqual([]);
  });

  it("shows raw HTML as text rather than dropping what was typed", () => {
    expect(renderMarkdown("<b>bold?</b>")).toContain("&lt;b&gt;bold?&lt;/b&gt;");
  });
});
