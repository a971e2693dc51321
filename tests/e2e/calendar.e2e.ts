import ICAL from "ical.js";
import { describe, expect, inject, it } from "vitest";
import { openPage, SCREENSHOTS, signIn, chromiumForThisFile } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

function summaries(text: string): string[] {
  return new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents("vevent")
    .map((event) => String(event.getFirstPropertyValue("summary")));
}

describe("calendar", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`gives a member a subscription address that calendar apps can read (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(page, baseUrl);
      await page.getByRole("link", { name: "Calendar" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Calendar");
      await page.getByRole("button", { name: /Create my subscription address|Make a new address/ }).click();
      const https = await page.getByLabel(/Subscription address/).inputValue();
      expect(https).toMatch(/\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
      const webcal = await page.getByRole("link", { name: "Subscribe in my calendar app" }).getAttribute("href");
      expect(webcal).toBe(https.replace(/^http:/, "webcal:"));
      await page.screenshot({
        path: `${SCREENSHOTS}/calendar-${javaScriptEnabled ? "js" : "no-js"}.png`,
        fullPage: true,
      });

      const response = await fetch(https);
      expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      const names = summaries(await response.text());
      // A calendar app polling again with the ETag gets 304 (answered by the server's shortcut).
      const again = await fetch(https, { headers: { "If-None-Match": response.headers.get("etag")! } });
      expect(again.status).toBe(304);
      // Lena hosts the check-in: her feed has her go-early time; she only attends the happy hour.
      expect(names).toContain("Team check-in");
      expect(names).toContain("Go early: Team check-in");
      expect(names).toContain("Friday happy hour");
      expect(names).not.toContain("Go early: Friday happy hour");

      await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Rituals" }).click();
      // The link as the signed-in person follows it (page.request shares the browser's cookies).
      const link = page.getByRole("link", { name: /Download invite \(\.ics\).*Tea time with Hanbit Logistics/ });
      const download = await page.request.get(new URL((await link.getAttribute("href"))!, baseUrl).toString());
      expect(download.headers()["content-disposition"]).toContain('filename="tea-time-with-hanbit-logistics.ics"');
      const invite = await download.text();
      expect(invite).toContain("DTSTART;TZID=Asia/Seoul:20260107T160000");
      expect(summaries(invite)).toEqual(["Tea time with Hanbit Logistics"]);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
