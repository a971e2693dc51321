import { DateTime } from "luxon";
import { describe, expect, inject, it } from "vitest";
import { createMember } from "~/models/member.server";
import { createRitual } from "~/models/ritual.server";
import { signedUpUser, teamOwnedBy, TEST_PASSWORD } from "../support/accounts";
import { chromiumForThisFile, openPage, SCREENSHOTS, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

describe("time away and the team's days off", () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "js" : "no-js";
    it(`plans time away with who covers, sees its meetings flagged and cancels one, and adds a team day off (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const owner = await signedUpUser(`lead-${mode}@away.example`);
      const { teamId, memberId } = await teamOwnedBy(owner, `Away ${mode}`);
      const kim = await createMember(teamId, {
        name: "Kim",
        email: `kim-${mode}@away.example`,
        timeZone: "Asia/Seoul",
      });
      if (!kim.ok) throw new Error("member");
      const today = DateTime.now().setZone("Europe/Berlin");
      const ritual = await createRitual(
        teamId,
        {
          kind: "check-in",
          title: "Stand-up",
          timeZone: "Europe/Berlin",
          startTime: "10:00",
          startDate: today.plus({ days: 1 }).toISODate()!,
        },
        { hostIds: [memberId], participantIds: [kim.value.id], contactIds: [] },
      );
      if (!ritual.ok) throw new Error("ritual");

      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(page, baseUrl, owner.email, TEST_PASSWORD);
      await page.goto(`${baseUrl}/teams/${teamId}/members/${memberId}/edit`);
      const away = page.locator("#away");
      await expect.poll(() => away.locator("h2").textContent()).toBe("Time away");

      // A last day before the first: said beside the field, with what was typed kept.
      await away.getByLabel("First day away").fill(today.plus({ days: 20 }).toISODate()!);
      await away.getByLabel("Last day away").fill(today.toISODate()!);
      await away.getByLabel("Who covers").selectOption({ label: "Kim" });
      await away.getByLabel("Message for customers (optional)").fill("Back after the holidays <b>really</b>");
      await away.getByRole("button", { name: "Add time away" }).click();
      await expect.poll(() => away.locator("#away-last-day-error").textContent()).toContain("on or after the first");
      expect(await away.getByLabel("Message for customers (optional)").inputValue()).toBe(
        "Back after the holidays <b>really</b>",
      );
      expect(await away.getByLabel("Who covers").inputValue()).toBe(kim.value.id);
      // The profile's own form above is left as saved.
      expect(await page.locator("#field-name-error").count()).toBe(0);

      await away.getByLabel("First day away").fill(today.toISODate()!);
      await away.getByLabel("Last day away").fill(today.plus({ days: 20 }).toISODate()!);
      await away.getByRole("button", { name: "Add time away" }).click();
      await expect.poll(() => away.getByTestId("time-away").count()).toBe(1);
      const listed = await away.getByTestId("time-away").innerText();
      expect(listed).toContain("Kim covers");
      expect(listed).toContain("Back after the holidays <b>really</b>");

      // The ritual's meetings in that span say who is away, and one click cancels one.
      await page.goto(`${baseUrl}/teams/${teamId}/rituals/${ritual.value.id}`);
      const flags = page.getByTestId("away-flag");
      await expect.poll(() => flags.count()).toBeGreaterThan(0);
      expect(await flags.first().innerText()).toContain(`1 of 2 away: ${owner.name}`);
      await page.screenshot({ path: `${SCREENSHOTS}/time-away-ritual-${mode}.png`, fullPage: true });
      const flagged = await flags.count();
      await flags.first().getByRole("button", { name: "Cancel this meeting" }).dblclick();
      await expect.poll(() => page.locator("#cancel, #restore").first().isVisible()).toBe(true);
      await expect.poll(() => page.getByRole("button", { name: "Restore this meeting" }).count()).toBe(1);
      await page.goto(`${baseUrl}/teams/${teamId}/rituals/${ritual.value.id}`);
      await expect.poll(() => page.getByTestId("away-flag").count()).toBe(flagged - 1);

      // The team's own day off, after one without a date is refused beside its field.
      await page.getByRole("link", { name: "Days off" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Days off");
      expect(await page.getByTestId("team-away").innerText()).toContain(`${owner.name}:`);
      await page.getByLabel("What it is").fill("Founders' day");
      await page.getByRole("button", { name: "Save the day" }).click();
      await expect.poll(() => page.locator("#field-date-error").count()).toBe(1);
      expect(await page.getByLabel("What it is").inputValue()).toBe("Founders' day");
      await page.getByLabel("Date").fill("2027-03-02");
      await page.getByRole("button", { name: "Save the day" }).click();
      await expect.poll(() => page.getByTestId("team-day").count()).toBe(1);
      expect(await page.getByTestId("team-day").innerText()).toContain("Founders' day");
      await page.screenshot({ path: `${SCREENSHOTS}/days-off-${mode}.png`, fullPage: true });
      expect(problems.filter((problem) => !problem.includes("status of 400"))).toEqual([]);
      await page.context().close();
    });
  }
});
