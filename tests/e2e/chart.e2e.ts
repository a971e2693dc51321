import AxeBuilder from "@axe-core/playwright";
import { describe, expect, inject, it } from "vitest";
import { chromiumForThisFile, openPage, SCREENSHOTS, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

describe("overlap chart", () => {
  it("shows everyone's day for the demo tea time, reads out each band, and moves the start where clicked", async () => {
    const { page, problems } = await openPage(browser(), { locale: "en-US" });
    await signIn(page, baseUrl);
    await page.goto(`${baseUrl}/teams/demo-team/rituals/demo-tea-time/edit`);
    await page.waitForLoadState("networkidle");
    const chart = page.locator(".plan-panel figure.overlap-chart").first();
    await expect.poll(() => chart.count()).toBe(1);

    // An accessible name, and a text equivalent per person.
    const name = await chart.evaluate((figure) => figure.querySelector("figcaption")?.textContent ?? "");
    expect(name).toMatch(/on the clock of Asia\/Seoul/);
    const bands = chart.getByRole("img");
    expect(await bands.count()).toBe(4);
    const labels = await bands.evaluateAll((elements) => elements.map((element) => element.getAttribute("aria-label")));
    expect(labels).toContainEqual(
      expect.stringMatching(/^Ji-woo Park \(Asia\/Seoul\): .*4:00 PM, within working hours$/),
    );
    expect(labels).toContainEqual(
      expect.stringMatching(/^Daniel Cho \(America\/New_York\): .*2:00 AM, 30 minutes outside/),
    );
    const axe = await new AxeBuilder({ page }).include(".overlap-chart").analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    await page.screenshot({ path: `${SCREENSHOTS}/chart-editor-desktop.png`, fullPage: true });
    await chart.screenshot({ path: `${SCREENSHOTS}/chart-desktop.png` });

    // Click the column at 10:00 on Seoul's axis (10/24 of the way across a band).
    const band = bands.first();
    const box = (await band.boundingBox())!;
    await page.mouse.click(box.x + (box.width * (10 * 60 + 5)) / 1440, box.y + box.height / 2);
    await expect.poll(() => page.getByLabel("Start time").inputValue()).toBe("10:00");
    // The preview follows: the first meeting now starts at 10:00 in Seoul.
    await expect
      .poll(() => page.getByTestId("preview-meeting").first().locator("h3").textContent())
      .toContain("10:00 AM");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOTS}/chart-editor-phone.png`, fullPage: true });
    await chart.screenshot({ path: `${SCREENSHOTS}/chart-phone.png` });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("is a readable picture without JavaScript", async () => {
    const { page } = await openPage(browser(), { locale: "en-US", javaScriptEnabled: false });
    await signIn(page, baseUrl);
    await page.goto(`${baseUrl}/teams/demo-team/rituals/demo-check-in`);
    const rows = page.getByTestId("chart-row");
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator(".chart-meeting").count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole("table", { name: /Over the next 12 meetings/ }).count()).toBe(1);
    await page.context().close();
  });
});
