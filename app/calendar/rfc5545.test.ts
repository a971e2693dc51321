import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, formatOffset, serializeLines, unfoldLines } from "./rfc5545";

const octets = (text: string) => new TextEncoder().encode(text).length;

describe("line folding", () => {
  it("folds at 75 octets, not characters, and never splits a character", () => {
    const korean = `SUMMARY:${"한국어 회의 🍵 ".repeat(20)}`;
    const folded = foldLine(korean);
    for (const line of folded.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(folded).not.toContain("\uFFFD");
    expect(unfoldLines(folded)).toEqual([korean]);
  });

  it("round-trips any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const piece of folded.split("\r\n")) expect(octets(piece)).toBeLessThanOrEqual(75);
        expect(unfoldLines(folded)).toEqual([line]);
      }),
    );
  });

  it("ends every line with CRLF", () => {
    const text = serializeLines(["BEGIN:VCALENDAR", `X-LONG:${"x".repeat(200)}`, "END:VCALENDAR"]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });
});

describe("text escaping", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b;c,d\r\ne\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("writes offsets with sign, hours and minutes", () => {
    expect([330, -180, 765, 0].map(formatOffset)).toEqual(["+0530", "-0300", "+1245", "+0000"]);
  });
});
