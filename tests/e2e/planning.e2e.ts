import { DateTime } from "luxon";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { icalJsOccurrences, nodeIcalOccurrences } from "~tests/support/calendar-oracles";
import { addUserAsMember } from "~/models/team.server";
import { signedUpUser, teamOwnedBy, TEST_PASSWORD } from "../support/accounts";
import { chromiumForThisFile, moveMeeting, openPage, SCREENSHOTS, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

/** A new team: its lead works in Berlin, one member in Seoul. No rituals yet. */
async function newTeam(label: string) {
  const lead = await signedUpUser(`lead-${label}@planning.example`);
  const team = await teamOwnedBy(lead, `Planners ${label}`);
  const seoulUser = await signedUpUser(`seoul-${label}@planning.example`);
  const joined = await addUserAsMember(team.teamId, seoulUser, {
    name: `Seo-yeon ${label}`,
    timeZone: "Asia/Seoul",
    workStart: 9 * 60,
    workEnd: 18 * 60,
    workDays: [1, 2, 3, 4, 5],
  });
  if (!joined.ok) throw new Error(JSON.stringify(joined.errors));
  return { ...team, email: lead.email, seoulMemberId: joined.value.id, seoulName: `Seo-yeon ${label}` };
}

/** "9:15 AM–9:45 AM" as the app writes a meeting's time in a zone (English, the server's locale data). */
function shownTime(start: DateTime, zone: string, minutes: number): string {
  const local = start.setZone(zone).setLocale("en");
  return `${local.toLocaleString(DateTime.TIME_SIMPLE)}–${local.plus({ minutes }).toLocaleString(DateTime.TIME_SIMPLE)}`;
}

async function weekItem(page: Page, date: string) {
  const item = page.locator(`.week-day[data-date="${date}"]`).getByTestId("week-item");
  await expect.poll(() => item.count()).toBe(1);
  return item;
}

describe("planning a team's first ritual", () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "js" : "no-js";
    it(`creates a check-in at a suggested time, shows it in both zones, moves and cancels meetings (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const team = await newTeam(mode);
      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(page, baseUrl, team.email, TEST_PASSWORD);
      await expect.poll(() => page.locator("h2").first().textContent()).toBe("No rituals yet");

      // The empty state says what to do first.
      await page.getByRole("link", { name: "Add a team check-in twice a week." }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("New ritual");
      expect(await page.getByLabel("Title").inputValue()).toBe("Team check-in");
      expect(await page.getByLabel("Length in minutes").inputValue()).toBe("30");

      const best = page.getByTestId("suggestion").first();
      await expect.poll(() => best.locator("xpath=..").innerText()).toContain("within everyone's working hours");
      await best.click();
      const startTime = page.getByLabel("Start time");
      await expect.poll(() => startTime.inputValue()).not.toBe("10:00");
      const chosen = await startTime.inputValue();
      // The preview for the picked time: nobody outside working hours.
      await expect.poll(() => page.getByTestId("preview-meeting").first().innerText()).not.toContain("outside");
      await page.screenshot({ path: `${SCREENSHOTS}/editor-${mode}-desktop.png`, fullPage: true });

      await page.getByRole("button", { name: "Create ritual" }).click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/teams\/[^/]+\/rituals\/[^/]+$/);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Team check-in");
      const ritualPath = new URL(page.url()).pathname;

      // Next week always holds a Tuesday and a Thursday meeting, whatever today is.
      const [hour, minute] = chosen.split(":").map(Number) as [number, number];
      const nextMonday = DateTime.now().setZone("Europe/Berlin").startOf("week").plus({ weeks: 1 });
      const tuesday = nextMonday.plus({ days: 1 }).set({ hour, minute });
      const thursday = nextMonday.plus({ days: 3 }).set({ hour, minute });

      await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Schedule" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("My week");
      // The zone field offers every zone, whether the page came whole or was drawn in the browser.
      expect(await page.locator("#schedule-zones option").count()).toBeGreaterThan(400);
      expect(await page.locator('#schedule-zones option[value="Asia/Seoul"]').count()).toBe(1);
      await page.getByRole("link", { name: "Next week →" }).click();
      const berlinTuesday = await weekItem(page, tuesday.toISODate()!);
      expect(await berlinTuesday.innerText()).toContain(shownTime(tuesday, "Europe/Berlin", 30));
      // The lead hosts: go-early and stay-late time around the meeting.
      expect(await berlinTuesday.innerText()).toContain("Go early from");
      await page.screenshot({ path: `${SCREENSHOTS}/schedule-${mode}-desktop.png`, fullPage: true });

      // The same meeting on the Seoul member's week, at Seoul's time and on Seoul's date.
      await page.getByLabel("Whose week").selectOption({ label: team.seoulName });
      await page.getByRole("button", { name: "Show" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe(`${team.seoulName}'s week`);
      const inSeoul = tuesday.setZone("Asia/Seoul");
      const seoulTuesday = await weekItem(page, inSeoul.toISODate()!);
      expect(await seoulTuesday.innerText()).toContain(shownTime(tuesday, "Asia/Seoul", 30));
      expect(await seoulTuesday.innerText()).not.toContain("Go early");

      // Move Tuesday's meeting an hour later, from its page.
      await seoulTuesday.getByRole("link", { name: "Team check-in" }).click();
      await expect.poll(() => page.locator("h2#move-title").count()).toBe(1);
      const later = tuesday.plus({ hours: 1 });
      await page.locator("#move").getByLabel("Start time").fill(later.toFormat("HH:mm"));
      await moveMeeting(page);

      // Cancel Thursday's.
      await page.goto(`${baseUrl}/teams/${team.teamId}/schedule?week=${nextMonday.toISODate()}`);
      const berlinThursday = await weekItem(page, thursday.toISODate()!);
      // Through the meeting's menu; with JavaScript its links navigate within the app, the page not reloaded.
      await page.evaluate(() => Object.assign(window, { samePage: true }));
      await berlinThursday.locator("summary").click();
      await berlinThursday.getByRole("link", { name: "Cancel this meeting" }).click();
      await expect.poll(() => page.locator("h2#cancel-title").count()).toBe(1);
      expect(new URL(page.url()).hash).toBe("#cancel");
      expect(await page.evaluate(() => "samePage" in window)).toBe(javaScriptEnabled);
      await page.getByRole("button", { name: "Cancel this meeting" }).click();
      await expect.poll(() => page.locator(".page-heading").innerText()).toContain("Cancelled");

      // The schedule shows both changes.
      await page.goto(`${baseUrl}/teams/${team.teamId}/schedule?week=${nextMonday.toISODate()}`);
      expect(await (await weekItem(page, tuesday.toISODate()!)).innerText()).toContain(
        shownTime(later, "Europe/Berlin", 30),
      );
      expect(await (await weekItem(page, thursday.toISODate()!)).innerText()).toContain("Cancelled");

      // The series invite carries both, as two independent parsers read it.
      const download = await page.request.get(`${baseUrl}${ritualPath}.ics`);
      const invite = await download.text();
      const window = { from: nextMonday.toMillis(), to: nextMonday.plus({ weeks: 1 }).toMillis() };
      for (const occurrences of [icalJsOccurrences(invite, window), nodeIcalOccurrences(invite, window)]) {
        expect(occurrences.map((o) => o.start)).toEqual([later.toMillis()]);
      }

      // Thursday's meeting can come back.
      await (await weekItem(page, thursday.toISODate()!)).getByRole("link", { name: "Team check-in" }).click();
      await page.getByRole("button", { name: "Restore this meeting" }).click();
      await expect.poll(() => page.locator(".page-heading").innerText()).not.toContain("Cancelled");
      await page.goto(`${baseUrl}/teams/${team.teamId}/schedule?week=${nextMonday.toISODate()}`);
      expect(await (await weekItem(page, thursday.toISODate()!)).innerText()).not.toContain("Cancelled");
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it("keeps what was typed and says what is wrong when the ritual cannot be saved", async () => {
    const team = await newTeam("invalid");
    const { page, problems } = await openPage(browser(), { locale: "en-US" });
    await signIn(page, baseUrl, team.email, TEST_PASSWORD);
    await page.goto(`${baseUrl}/teams/${team.teamId}/rituals/new?kind=happy-hour`);
    await page.getByLabel("Title").fill("Fika\r\nBEGIN:VEVENT");
    await page.getByLabel("Time zone the time is set in").fill("Mars/Olympus_Mons");
    await page.getByLabel("Length in minutes").fill("0");
    await page.getByRole("button", { name: "Create ritual" }).click();
    await expect
      .poll(() => page.locator("#field-timeZone-error").textContent())
      .toContain("This is not a time zone we know");
    expect(await page.locator("#field-durationMinutes-error").textContent()).toContain("at least 1 minute");
    expect(await page.getByLabel("Time zone the time is set in").inputValue()).toBe("Mars/Olympus_Mons");
    expect(await page.getByLabel("Title").inputValue()).toContain("Fika");
    // The refusal itself is a 400, which Chromium reports; nothing else may go wrong.
    expect(problems.filter((problem) => !problem.includes("status of 400"))).toEqual([]);
    await page.context().close();
  });
});
