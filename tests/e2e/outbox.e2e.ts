import { DateTime } from "luxon";
import { describe, expect, inject, it } from "vitest";
import { createMember } from "~/models/member.server";
import { createRitual } from "~/models/ritual.server";
import { DEMO_MEMBER_EMAIL } from "../../prisma/demo-accounts";
import { signedUpUser, teamOwnedBy, TEST_PASSWORD } from "../support/accounts";
import { chromiumForThisFile, openNextTeaTime, openPage, SCREENSHOTS, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

describe("mail", () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "on" : "off";
    it(`sends a tea time's recap to the customer and shows it in the outbox as sent (JavaScript ${mode})`, async () => {
      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(page, baseUrl);
      await openNextTeaTime(page);
      await page.getByRole("button", { name: "Send the recap to the customer" }).click();
      await expect.poll(() => page.getByTestId("recap-sent").textContent()).toBe("Recap sent to 2 contacts.");

      await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Outbox" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Outbox");
      expect(await page.locator(".page-heading").innerText()).toContain("No mail server is set up");
      const recaps = page.getByTestId("outbox-mail").filter({ hasText: "요약: Tea time with Hanbit Logistics" });
      // The sender runs every second on the server: the recap turns from waiting to kept.
      await expect
        .poll(
          async () => {
            await page.reload();
            return recaps.filter({ hasText: "Kept in the outbox" }).count();
          },
          { timeout: 15_000, interval: 1_000 },
        )
        .toBeGreaterThanOrEqual(2);
      const first = recaps.first();
      expect(await first.innerText()).toMatch(/To: (Min-seo Kim|Daniel Cho) <[^>]+@[^>]+>/);
      await first.locator("summary").click();
      expect(await first.locator(".outbox-text").innerText()).toContain("Customs delays at Busan in December");
      await page.screenshot({ path: `${SCREENSHOTS}/outbox-${mode}.png`, fullPage: true });
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "on" : "off";
    it(`deletes a ritual after naming who is told, and mails each of them its cancellation (JavaScript ${mode})`, async () => {
      const lead = await signedUpUser(`lead-${mode}@deleting.example`);
      const team = await teamOwnedBy(lead, `Deleting ${mode}`);
      const jiwoo = await createMember(team.teamId, {
        name: "Ji-woo",
        email: `jiwoo-${mode}@deleting.example`,
        timeZone: "Asia/Seoul",
      });
      if (!jiwoo.ok) throw new Error("member");
      const today = DateTime.now().setZone("Europe/Berlin").toISODate()!;
      const ritual = await createRitual(
        team.teamId,
        { kind: "check-in", title: "Old check-in", timeZone: "Europe/Berlin", startTime: "10:00", startDate: today },
        { hostIds: [team.memberId], participantIds: [jiwoo.value.id] },
      );
      if (!ritual.ok) throw new Error("ritual");

      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(page, baseUrl, lead.email, TEST_PASSWORD);
      await page.goto(`${baseUrl}/teams/${team.teamId}/rituals/${ritual.value.id}/delete`);
      const told = await page.getByTestId("told").innerText();
      expect(told).toContain("mailed the cancellation of every meeting");
      expect(told).toContain("Ji-woo");
      expect(told).toContain(lead.name);
      await page.screenshot({ path: `${SCREENSHOTS}/delete-ritual-${mode}.png`, fullPage: true });
      await page.getByRole("button", { name: "Delete ritual" }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/teams/${team.teamId}`);

      await page.goto(`${baseUrl}/teams/${team.teamId}/outbox`);
      const cancellations = page
        .getByTestId("outbox-mail")
        .filter({ hasText: "Cancelled: Old check-in (every meeting)" });
      await expect.poll(() => cancellations.count()).toBe(2);
      expect(await cancellations.filter({ hasText: `jiwoo-${mode}@deleting.example` }).count()).toBe(1);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it("shows a member only their own mail, and lets them turn emails off themselves (JavaScript off)", async () => {
    const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled: false });
    await signIn(page, baseUrl, DEMO_MEMBER_EMAIL);
    await page.goto(`${baseUrl}/outbox`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Outbox");
    expect(await page.locator("main").innerText()).not.toContain("요약:");
    expect(await page.locator(".page-heading").innerText()).toContain("Every email the app sent you");

    await page.goto(`${baseUrl}/teams/demo-team/members/demo-jiwoo/edit`);
    const emails = page.getByLabel(/Send me emails/);
    expect(await emails.isChecked()).toBe(true);
    // Without JavaScript the form posts and the page comes back from its redirect; wait for that page, not a reload.
    await emails.uncheck();
    await Promise.all([
      page.waitForURL(/saved=emails/),
      page.getByRole("button", { name: "Save email choice" }).click(),
    ]);
    expect(await page.getByLabel(/Send me emails/).isChecked()).toBe(false);
    await page.goto(`${baseUrl}/teams/demo-team/members/demo-jiwoo/edit`);
    expect(await page.getByLabel(/Send me emails/).isChecked()).toBe(false);
    await page.getByLabel(/Send me emails/).check();
    await Promise.all([
      page.waitForURL(/saved=emails/),
      page.getByRole("button", { name: "Save email choice" }).click(),
    ]);
    expect(await page.getByLabel(/Send me emails/).isChecked()).toBe(true);
    // Someone else's choice is not theirs to make.
    const other = await page.request.post(`${baseUrl}/teams/demo-team/members/demo-lena/edit`, {
      form: { intent: "emails" },
      headers: { Origin: baseUrl },
    });
    expect(other.status()).toBe(403);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
