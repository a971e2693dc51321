import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { TEST_PASSWORD } from "../support/accounts";
import { teamWithTeaTime } from "../support/tea-time";
import { chromiumForThisFile, openPage, SCREENSHOTS, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

const moved = async (page: Page) => (await page.locator(".page-heading").innerText()).includes("Moved");
const checkText = (page: Page) => page.getByTestId("move-check").innerText();

describe("moving one meeting", () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "js" : "no-js";
    it(`shows the new time for everyone before saving, and never saves a time nobody was shown (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const domain = `move-${mode}.example`;
      const team = await teamWithTeaTime(domain, "2027-01-06");
      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(page, baseUrl, `lead@${domain}`, TEST_PASSWORD);
      await page.goto(`${baseUrl}/teams/${team.teamId}/rituals/${team.teaTimeId}`);
      await page.locator('a[href*="/meetings/"]').first().click();
      await page.waitForURL(/\/meetings\/\d{8}T\d{6}Z$/);
      const move = page.locator("#move");
      const time = move.getByLabel("Start time");

      // 03:00 in Seoul: asking for the check (or, with JavaScript, typing it) lists everyone and saves nothing.
      await time.fill("03:00");
      if (!javaScriptEnabled) await move.getByRole("button", { name: "Check the new time for everyone" }).click();
      await expect.poll(() => checkText(page)).toMatch(/Ji-woo: .*3:00 AM.*In the night/);
      expect(await checkText(page)).toContain("Min-seo");
      expect(await moved(page)).toBe(false);
      await page.screenshot({ path: `${SCREENSHOTS}/move-check-${mode}.png`, fullPage: true });

      // Then the time changes: pressing the move button must not save the new, unchecked time.
      await time.fill("04:00");
      await move.getByRole("button", { name: /^Move (meeting|it anyway)$/ }).click();
      const anyway = move.getByRole("button", { name: "Move it anyway" });
      await expect.poll(() => anyway.count()).toBe(1);
      await expect.poll(() => checkText(page)).toMatch(/Ji-woo: .*4:00 AM.*In the night/);
      expect(await moved(page)).toBe(false);
      expect(await prisma.meeting.count({ where: { ritualId: team.teaTimeId, status: "moved" } })).toBe(0);

      // Confirmed for the time shown, it moves, once.
      await anyway.click();
      await expect.poll(() => moved(page)).toBe(true);
      const saved = await prisma.meeting.findMany({ where: { ritualId: team.teaTimeId, status: "moved" } });
      expect(saved.map((row) => row.start.toISOString())).toEqual(["2027-01-05T19:00:00.000Z"]);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
