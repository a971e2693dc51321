import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { chromiumForThisFile, openPage, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

/** The bodies of every script the page downloads from now on. */
function scriptsOf(page: Page): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".js")) bodies.push(response.text().catch(() => ""));
  });
  return bodies;
}

describe("languages in the browser", () => {
  it("downloads only the page's own catalog, and the other one only when switched to", async () => {
    const { page, problems } = await openPage(browser(), { locale: "en-US" });
    const scripts = scriptsOf(page);
    await signIn(page, baseUrl);
    const nav = page.getByRole("navigation", { name: /Team|팀/ });
    await expect.poll(() => nav.innerText()).toContain("Outbox");
    const english = await Promise.all(scripts);
    expect(english.some((body) => body.includes('"Send the recap to the customer"'))).toBe(true);
    expect(english.some((body) => body.includes("보낸 메일함"))).toBe(false);

    // Switching (with JavaScript, no reload) fetches the Korean catalog and shows the page in Korean.
    await page.getByRole("button", { name: "한국어" }).click();
    await expect.poll(() => nav.innerText()).toContain("보낸 메일함");
    const after = await Promise.all(scripts);
    expect(after.some((body) => body.includes("보낸 메일함"))).toBe(true);
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => nav.innerText()).toContain("Outbox");
    expect(problems, problems.join("\n")).toEqual([]);
    await page.context().close();
  });
});
