import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { createMember } from "~/models/member.server";
import { signedUpUser, teamOwnedBy, TEST_PASSWORD } from "../support/accounts";
import { chromiumForThisFile, openPage, SCREENSHOTS, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

/** Seven people in six zones, as a spread-out team is: no time of day suits them all. */
const SPREAD_TEAM = [
  ["Ji-woo", "Asia/Seoul"],
  ["Aiko", "Asia/Tokyo"],
  ["Priya", "Asia/Kolkata"],
  ["Sam", "America/Los_Angeles"],
  ["Rafa", "America/Sao_Paulo"],
  ["Noah", "Europe/Berlin"],
] as const;

async function spreadTeam(label: string) {
  const lead = await signedUpUser(`lead-${label}@layout.example`);
  const team = await teamOwnedBy(lead, `Spread ${label}`);
  for (const [name, timeZone] of SPREAD_TEAM) {
    const added = await createMember(team.teamId, { name, email: `${name}-${label}@layout.example`, timeZone });
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
  }
  return { ...team, email: lead.email };
}

/** Elements that scroll on their own inside the page: a scroll area within the scrolling page. */
function nestedScrollAreas(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("main *")]
      .filter((element) => {
        const style = getComputedStyle(element);
        const scrolls = (overflow: string) => overflow === "auto" || overflow === "scroll";
        return (
          (scrolls(style.overflowY) && element.scrollHeight > element.clientHeight + 1) ||
          (scrolls(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
        );
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
}

const top = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!.y;

describe("the ritual editor for a spread-out team", () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "js" : "no-js";
    it(`puts the suggestions and the rotation first and stays one page on a 390 px phone (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const team = await spreadTeam(mode);
      const { page, problems } = await openPage(browser(), {
        locale: "en-US",
        javaScriptEnabled,
        viewport: { width: 390, height: 844 },
      });
      await signIn(page, baseUrl, team.email, TEST_PASSWORD);
      await page.goto(`${baseUrl}/teams/${team.teamId}/rituals/new?kind=check-in`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("New ritual");
      await expect.poll(() => page.getByTestId("suggestion").count()).toBeGreaterThan(0);

      // No time suits everyone: the rotation is offered, and it comes before the chart and the preview.
      await expect.poll(() => page.getByTestId("rotation").count()).toBe(1);
      const suggestionsAt = await top(page, "#suggestions-title");
      expect(suggestionsAt).toBeLessThan(await top(page, "#preview-title"));
      expect(await top(page, '[data-testid="rotation"]')).toBeLessThan(await top(page, "#preview-title"));

      // The preview lists only whom each meeting asks something of; the rest are folded under one line.
      const firstMeeting = page.getByTestId("preview-meeting").first();
      const listed = await firstMeeting.locator(".people-times:visible > li").count();
      expect(listed).toBeLessThan(SPREAD_TEAM.length + 1);
      expect(await firstMeeting.locator(".folded-people summary").innerText()).toMatch(
        /^\d+ more (person|people), inside their hours$/,
      );

      await page.screenshot({ path: `${SCREENSHOTS}/editor-spread-phone-${mode}.png`, fullPage: true });
      // On one column the suggestions come after the form: a link at the top leads there.
      await page.getByRole("link", { name: "Skip to the suggested times ↓" }).click();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(suggestionsAt - 200);

      // One page, no scroll area inside it, nothing wider than the phone.
      expect(await nestedScrollAreas(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(8_500);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
