import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { chromiumForThisFile, openPage, signIn } from "./browser";

// What each page makes the browser download, read from the build's own route
// manifest: the shell every page shares (React, Remix, i18next, the root) and
// the page's route chain with its imports, gzipped as a server would send them.

const CLIENT = "build/client";
const KB = 1024;

interface RouteEntry {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
}

function buildManifest(): { entry: { module: string; imports: string[] }; routes: Record<string, RouteEntry> } {
  const name = fs.readdirSync(path.join(CLIENT, "assets")).find((file) => /^manifest-.*\.js$/.test(file));
  if (!name) throw new Error("no route manifest: build the app first");
  const source = fs.readFileSync(path.join(CLIENT, "assets", name), "utf8");
  return JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1));
}

const gzipped = (files: Iterable<string>) =>
  [...files].reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(CLIENT, file)), { level: 9 }).length, 0);

const manifest = buildManifest();
const root = manifest.routes.root!;
const shell = new Set([manifest.entry.module, ...manifest.entry.imports, root.module, ...(root.imports ?? [])]);

/** The files a route adds to the shell: its own module, its parents', and what they import. */
function pageFiles(route: RouteEntry): Set<string> {
  const files = new Set<string>();
  for (let at: RouteEntry | undefined = route; at && at.id !== "root"; at = manifest.routes[at.parentId ?? ""]) {
    for (const file of [at.module, ...(at.imports ?? [])]) if (!shell.has(file)) files.add(file);
  }
  return files;
}

/** Budgets in KB gzipped. The shell is React 18, Remix and i18next: every page pays it once, then it is cached. */
const SHELL_BUDGET = 110;
const PAGE_BUDGET = 20;
const PAGE_BUDGETS: Record<string, number> = {
  "routes/sign-up": 6,
  "routes/sign-in": 6,
  "routes/account": 6,
  "routes/rsvp.$token": 6,
};

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

/** Everything a fresh browser fetches to show a page, gzipped, and which of it was script. */
async function pageWeight(pathname: string, signedIn: boolean) {
  const { page, problems } = await openPage(browser(), { locale: "en-US" });
  if (signedIn) await signIn(page, baseUrl);
  const bodies: Promise<{ type: string; bytes: number }>[] = [];
  page.on("response", (response) =>
    bodies.push(
      response.body().then((body) => ({ type: response.request().resourceType(), bytes: gzipSync(body).length })),
    ),
  );
  await page.goto(`${baseUrl}${pathname}`, { waitUntil: "networkidle" });
  const fetched = await Promise.all(bodies);
  await page.context().close();
  return {
    kb: fetched.reduce((sum, { bytes }) => sum + bytes, 0) / KB,
    scripts: fetched.filter(({ type }) => type === "script").length,
    problems,
  };
}

describe("what a fresh browser downloads for the pages a new person opens first", () => {
  it.each([
    ["/sign-up", false],
    ["/sign-in", false],
    ["/account", true],
  ] as const)("%s is plain HTML under 60 KB gzipped, with no app JavaScript", async (pathname, signedIn) => {
    const weight = await pageWeight(pathname, signedIn);
    expect(weight.scripts).toBe(0);
    expect(weight.kb).toBeLessThan(60);
    expect(weight.problems).toEqual([]);
  });
});

describe("JavaScript each page downloads, gzipped", () => {
  it(`keeps the shell every page shares under ${SHELL_BUDGET} KB`, () => {
    expect(Math.round(gzipped(shell) / KB)).toBeLessThanOrEqual(SHELL_BUDGET);
  });

  it("keeps every page's own JavaScript within its budget (sign-up, sign-in and the account page bring no zod or luxon)", () => {
    const pages = Object.values(manifest.routes).filter((route) => route.id !== "root");
    expect(pages.length).toBeGreaterThan(30);
    const over = pages
      .map((route) => ({ route: route.id, kb: gzipped(pageFiles(route)) / KB }))
      .filter(({ route, kb }) => kb > (PAGE_BUDGETS[route] ?? PAGE_BUDGET))
      .map(({ route, kb }) => `${route}: ${kb.toFixed(1)} KB`);
    expect(over).toEqual([]);
    for (const route of Object.keys(PAGE_BUDGETS)) expect(manifest.routes[route], route).toBeDefined();
  });
});
