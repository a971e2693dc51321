import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en";
import ko from "./ko";

function keys(catalog: object, prefix = ""): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [file] : [];
  });
}

describe("catalogs", () => {
  it("have the same keys in English and Korean", () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
  });

  it("have no empty message", () => {
    for (const catalog of [en, ko]) {
      for (const key of keys(catalog)) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
        expect(value, key).not.toBe("");
      }
    }
  });

  it("hold every validation message the code can give", () => {
    const known = new Set(keys(en));
    const used = sourceFiles(path.resolve("app")).flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(/"(validation\.[A-Za-z]+)"/g)].map((match) => match[1]),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !known.has(key!))).toEqual([]);
  });

  it("hold every message key the code asks for by name", () => {
    const known = new Set(keys(en).map((key) => key.replace(/_(one|other)$/, "")));
    const used = sourceFiles(path.resolve("app")).flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(/\bt\("([a-zA-Z]+(?:\.[a-zA-Z0-9-]+)+)"/g)].map((match) => match[1]!),
    );
    expect(used.length).toBeGreaterThan(100);
    expect([...new Set(used.filter((key) => !known.has(key)))].sort()).toEqual([]);
  });
});
