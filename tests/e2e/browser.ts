import fs from "node:fs";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { DEMO_OWNER_EMAIL, DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { prisma } from "~/utils/db.server";

/** Debian's Chromium; Playwright's own browser download does not work offline. */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface WatchedPage {
  page: Page;
  /** Script errors and console errors the page raised; a test expects none. */
  problems: string[];
}

export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  // Fail with the locator's name well before the test's own timeout.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => {
    // React 18 now and then fails a concurrent render with an error it reports as its own bug,
    // then renders the page again ("Root did not complete. This is a bug in React.", seen once
    // in CI; TanStack/router#4578 has more). The page works; the tests' assertions check that.
    if (!error.message.startsWith("Minified React error #345;")) problems.push(error.message);
  });
  page.on("console", (message) => {
    // A 404 page reports its own status as a failed resource load; that is expected there.
    if (message.type() === "error" && !message.text().includes("status of 404")) problems.push(message.text());
  });
  return { page, problems };
}

/** Signs in through the form, as a person would, in whichever language the page is in. */
export async function signIn(page: Page, baseUrl: string, email = DEMO_OWNER_EMAIL, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.waitForLoadState("networkidle");
}

/** Where browser tests leave screenshots to look at. */
export const SCREENSHOTS = "test-results/screenshots";

/** One Chromium for a test file, started before its tests and closed after them. */
export function chromiumForThisFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => browser?.close());
  return () => browser!;
}

/** Goes forward from this week on the signed-in member's schedule to the next tea time, and opens its page. */
export async function openNextTeaTime(page: Page): Promise<string> {
  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Schedule" }).click();
  await expect.poll(() => page.locator("h1").textContent()).toBe("My week");
  for (let week = 0; week < 3; week++) {
    const teaTimes = page
      .getByTestId("week-item")
      .filter({ hasText: "Tea time with Hanbit Logistics" })
      .filter({ hasNotText: "Cancelled" })
      .getByRole("link", { name: "Tea time with Hanbit Logistics" });
    // This week's may be over already (the demo's last tea time, with its notes): take one still to come.
    for (const link of await teaTimes.all()) {
      const key = /\/meetings\/(\d{8}T\d{6}Z)/.exec((await link.getAttribute("href")) ?? "")?.[1];
      const start =
        key && Date.parse(key.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
      if (!start || start < Date.now()) continue;
      await link.click();
      await expect.poll(() => page.locator("h2#edit-notes-title").count()).toBe(1);
      return new URL(page.url()).pathname;
    }
    const label = await page.locator(".week-label").textContent();
    await page.getByRole("link", { name: "Next week →" }).click();
    await expect.poll(() => page.locator(".week-label").textContent()).not.toBe(label);
  }
  throw new Error("no tea time in the next three weeks");
}

/**
 * The link in the latest account mail to `email` (the served app has no SMTP server, so
 * the mail stays in the database as it would be sent), once the app has queued it.
 */
export async function mailedLink(email: string, path: "/welcome" | "/reset-password" | "/invite"): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mail = await prisma.mail.findFirst({
        where: { toAddress: email, kind: "account", text: { contains: `${path}/` } },
        orderBy: { createdAt: "desc" },
      });
      link = mail?.text.match(new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_-]{43}`))?.[0];
      return link;
    })
    .toBeDefined();
  return link!;
}

/**
 * Presses "Move meeting" on a meeting page; when the new time does not suit
 * everyone, the page lists who and why, and the move needs a second press.
 * Answers that list's text (empty when the move went through at once).
 */
export async function moveMeeting(page: Page): Promise<string> {
  const move = page.locator("#move");
  await move.getByRole("button", { name: "Move meeting" }).click();
  const anyway = move.getByRole("button", { name: "Move it anyway" });
  const moved = async () => (await page.locator(".page-heading").innerText()).includes("Moved");
  await expect.poll(async () => (await anyway.count()) > 0 || (await moved())).toBe(true);
  if (await moved()) return "";
  const listed = await page.getByTestId("move-check").innerText();
  // Nothing is saved before the second press.
  expect(await moved()).toBe(false);
  await anyway.click();
  await expect.poll(moved).toBe(true);
  return listed;
}
