import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("where a form may send someone next", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    for (const path of ["/", "/teams/abc", "/teams/abc/rituals?kind=tea-time", "/teams/x#notes", "/a%20b"]) {
      expect(safeRedirect(path)).toBe(path);
    }
  });

  it.each([
    ["another site", "https://evil.example/"],
    ["a protocol-relative address", "//evil.example"],
    ["a backslash", "/\\evil.example"],
    ["a tab (browsers drop it)", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["an encoded second slash", "/%2Fevil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded tab", "/%09/evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["a broken escape", "/%E0%A4%A"],
    ["a script address", "javascript:alert(1)"],
    ["nothing", ""],
    ["a relative path", "teams"],
    ["a megabyte of path (it would be echoed whole in Location)", `/teams/${"a".repeat(1024 * 1024)}`],
  ])("refuses %s", (_what, to) => {
    expect(safeRedirect(to)).toBe("/");
    expect(safeRedirect(to, "/teams/new")).toBe("/teams/new");
  });

  it("refuses what is not text", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
  });
});
