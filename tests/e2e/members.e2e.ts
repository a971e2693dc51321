import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { addUserAsMember } from "~/models/team.server";
import { listMembers } from "~/models/member.server";
import { signedUpUser, teamOwnedBy, TEST_PASSWORD } from "../support/accounts";
import { chromiumForThisFile, openPage, SCREENSHOTS, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

function memberRow(page: Page, name: string) {
  return page.getByTestId("member").filter({ hasText: name });
}

describe("the members page", () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "js" : "no-js";
    it(`lets the owner add, edit and remove members, and a member fix their own day (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const owner = await signedUpUser(`owner-${mode}@members.example`);
      const { teamId } = await teamOwnedBy(owner, `Members ${mode}`);
      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(page, baseUrl, owner.email, TEST_PASSWORD);
      await page.goto(`${baseUrl}/teams/${teamId}/members`);

      // Add someone who has not signed up yet.
      await page.getByRole("link", { name: "Add a member" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Add a member");
      await page.getByLabel("Name", { exact: true }).fill("Priya Raman");
      await page.getByLabel("Email").fill(`priya-${mode}@members.example`);
      await page.getByLabel("Time zone").fill("Asia/Kolkata");
      await page.getByRole("button", { name: "Add member" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Members");
      await expect.poll(() => memberRow(page, "Priya Raman").innerText()).toContain("Asia/Kolkata");

      // Edit her working hours: a night shift that ends the next morning.
      await memberRow(page, "Priya Raman").getByRole("link", { name: "Edit" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Edit Priya Raman");
      await page.getByLabel("Working day starts").fill("22:00");
      await page.getByLabel("Working day ends").fill("06:00");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Members");
      expect(await memberRow(page, "Priya Raman").innerText()).toContain("22:00–06:00");

      // Remove her, after a confirmation.
      await memberRow(page, "Priya Raman").getByRole("link", { name: "Remove" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Remove Priya Raman from the team?");
      await page.getByRole("button", { name: "Remove member" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Members");
      await expect.poll(() => memberRow(page, "Priya Raman").count()).toBe(0);
      expect((await listMembers(teamId)).map((member) => member.name)).not.toContain("Priya Raman");

      // A member (not an owner) fixes their own zone, hours and days.
      const member = await signedUpUser(`jonas-${mode}@members.example`);
      const joined = await addUserAsMember(teamId, member, {
        name: "Jonas",
        timeZone: "Europe/Berlin",
        workStart: 9 * 60,
        workEnd: 17 * 60,
        workDays: [1, 2, 3, 4, 5],
      });
      if (!joined.ok) throw new Error(JSON.stringify(joined.errors));
      const own = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(own.page, baseUrl, member.email, TEST_PASSWORD);
      await own.page.goto(`${baseUrl}/teams/${teamId}/members`);
      await expect.poll(() => memberRow(own.page, owner.name).getByRole("link").count()).toBe(0);
      await memberRow(own.page, "Jonas").getByRole("link", { name: "Edit" }).click();
      await expect.poll(() => own.page.locator("h1").textContent()).toBe("Your profile");
      await own.page.getByLabel("Your time zone").fill("America/Los_Angeles");
      await own.page.getByLabel("Working day starts").fill("08:00");
      await own.page.getByRole("checkbox", { name: "Friday" }).uncheck();
      await own.page.getByRole("button", { name: "Save changes" }).click();
      await expect.poll(() => own.page.locator("h1").textContent()).toBe("Members");
      const mine = (await listMembers(teamId)).find((row) => row.id === joined.value.id)!;
      expect(mine.timeZone).toBe("America/Los_Angeles");
      expect(mine.workStartMinutes).toBe(8 * 60);
      expect(mine.workDays).toBe("1,2,3,4");

      expect(own.problems).toEqual([]);

      // Someone else's member id in the address is refused.
      const ownerRow = (await listMembers(teamId)).find((row) => row.userId === owner.id)!;
      const others = await own.page.goto(`${baseUrl}/teams/${teamId}/members/${ownerRow.id}/edit`);
      expect(others?.status()).toBe(403);
      await own.page.goto(`${baseUrl}/teams/${teamId}/members`);
      await own.page.screenshot({ path: `${SCREENSHOTS}/members-${mode}.png`, fullPage: true });
      await page.screenshot({ path: `${SCREENSHOTS}/members-owner-${mode}.png`, fullPage: true });
      expect(problems).toEqual([]);
    });
  }

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "js" : "no-js";
    it(`makes a second owner, hands ownership over, and lets the old owner leave (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const lead = await signedUpUser(`lead-${mode}@roles.example`);
      const { teamId } = await teamOwnedBy(lead, `Roles ${mode}`);
      const rosa = await signedUpUser(`rosa-${mode}@roles.example`);
      const joined = await addUserAsMember(teamId, rosa, {
        name: "Rosa",
        timeZone: "Europe/Madrid",
        workStart: 9 * 60,
        workEnd: 17 * 60,
        workDays: [1, 2, 3, 4, 5],
      });
      expect(joined.ok).toBe(true);
      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(page, baseUrl, lead.email, TEST_PASSWORD);
      await page.goto(`${baseUrl}/teams/${teamId}/members`);

      await memberRow(page, "Rosa").getByRole("button", { name: "Make owner" }).click();
      await expect.poll(() => memberRow(page, "Rosa").innerText()).toContain("Owner");
      await memberRow(page, "Rosa").getByRole("button", { name: "Make member" }).click();
      await expect.poll(() => memberRow(page, "Rosa").innerText()).not.toContain("Owner");
      await memberRow(page, "Rosa").getByRole("button", { name: "Hand over ownership" }).click();
      await expect.poll(() => memberRow(page, "Rosa").innerText()).toContain("Owner");
      await expect.poll(() => memberRow(page, lead.name).innerText()).not.toContain("Owner");
      await page.screenshot({ path: `${SCREENSHOTS}/roles-${mode}.png`, fullPage: true });

      await page.getByRole("button", { name: "Leave the team" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith(`/teams/${teamId}`));
      const left = await listMembers(teamId);
      expect(left.map((member) => [member.name, member.role])).toEqual([["Rosa", "owner"]]);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it("keeps Edit and Remove apart on a phone", async () => {
    const { page, problems } = await openPage(browser(), { locale: "en-US", viewport: { width: 390, height: 800 } });
    await signIn(page, baseUrl);
    await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Members" }).click();
    const row = page.getByTestId("member").filter({ hasText: "Ji-woo Park" });
    const edit = await row.getByRole("link", { name: "Edit" }).boundingBox();
    const remove = await row.getByRole("link", { name: "Remove" }).boundingBox();
    expect(edit && remove).toBeTruthy();
    // Side by side with a clear gap, or one under the other: never touching.
    const apart = remove!.x - (edit!.x + edit!.width) >= 12 || remove!.y >= edit!.y + edit!.height;
    expect(apart).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/members-phone.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
