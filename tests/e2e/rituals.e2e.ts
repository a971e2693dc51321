import { describe, expect, inject, it } from "vitest";
import { openPage, SCREENSHOTS, signIn, chromiumForThisFile } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

describe("team rituals", () => {
  it("lists the seeded rituals with cadence, local time, zone, length and buffers", async () => {
    const { page, problems } = await openPage(browser(), { locale: "en-US" });
    await signIn(page, baseUrl);
    expect(new URL(page.url()).pathname).toBe("/teams/demo-team");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Your team's rituals");

    const cards = page.getByTestId("ritual");
    expect(await cards.count()).toBe(3);
    const checkIn = cards.filter({ hasText: "Team check-in" }).first();
    const text = await checkIn.innerText();
    expect(text).toContain("Every Tue & Thu");
    expect(text).toContain("9:30 AM");
    expect(text).toContain("Europe/Berlin");
    expect(text).toContain("30 min");
    expect(text).toContain("5 min / 5 min");
    expect(text).toContain("Lena Fischer");

    const teaTime = await cards.filter({ hasText: "Tea time with Hanbit Logistics" }).innerText();
    expect(teaTime).toContain("Every 2 weeks on Wed");
    expect(teaTime).toContain("Asia/Seoul");
    expect(teaTime).toContain("10 min / 10 min");
    const happyHour = await cards.filter({ hasText: "Friday happy hour" }).innerText();
    expect(happyHour).toContain("15 min");
    expect(happyHour).toContain("None");

    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${SCREENSHOTS}/home-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOTS}/home-phone.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("follows the browser's language when nobody has chosen one", async () => {
    const { page } = await openPage(browser(), {
      locale: "ko-KR",
      extraHTTPHeaders: { "Accept-Language": "ko-KR,ko;q=0.9" },
    });
    await page.goto(baseUrl);
    expect(await page.locator("h1").textContent()).toBe("원격 팀을 위한 리추얼");
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("이메일").fill("jiwoo@northwind.example");
    await page.getByLabel("비밀번호").fill("rituals-demo");
    await page.getByRole("button", { name: "로그인" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("우리 팀의 리추얼");
    expect(await page.getByTestId("ritual").filter({ hasText: "Team check-in" }).innerText()).toContain("매주 화");
    await page.context().close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`switches language and remembers the choice (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await page.goto(baseUrl);
      if (javaScriptEnabled) await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: "한국어" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("원격 팀을 위한 리추얼");
      expect(await page.getByRole("button", { name: "한국어" }).getAttribute("aria-pressed")).toBe("true");
      await page.screenshot({
        path: `${SCREENSHOTS}/home-ko-js-${javaScriptEnabled ? "on" : "off"}.png`,
        fullPage: true,
      });

      await page.reload();
      expect(await page.locator("h1").textContent()).toBe("원격 팀을 위한 리추얼");
      await page.getByRole("button", { name: "English" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Rituals for remote teams");
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});

describe("errors and health", () => {
  it("answers an unknown address with a 404 page that is part of the app", async () => {
    const { page } = await openPage(browser(), { locale: "en-US" });
    const response = await page.goto(`${baseUrl}/no/such/page`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    expect(await page.getByRole("link", { name: "Rituals", exact: true }).count()).toBe(1);
    await page.getByRole("link", { name: "Back to the rituals" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Rituals for remote teams");
    await page.context().close();
  });

  it("reports the database as healthy", async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });
});
