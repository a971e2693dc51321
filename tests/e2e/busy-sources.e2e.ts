import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signedUpUser, teamOwnedBy, TEST_PASSWORD } from "../support/accounts";
import { chromiumForThisFile, openPage, SCREENSHOTS, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

/** A calendar provider on loopback: a Google-shaped export, and a private one that answers 401. */
const provider = http.createServer((request, response) => {
  if (request.url === "/dana.ics") {
    response.writeHead(200, { "Content-Type": "text/calendar" });
    response.end(fs.readFileSync("tests/fixtures/busy/google.ics"));
  } else response.writeHead(401).end();
});
let origin = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});
afterAll(() => provider.close());

describe("a member's own calendars and public holidays on their profile", () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "js" : "no-js";
    it(`sets whose holidays count, adds a calendar address, says what is wrong with a bad one, and removes it (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const owner = await signedUpUser(`dana-${mode}@busy.example`);
      const { teamId, memberId } = await teamOwnedBy(owner, `Busy ${mode}`);
      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(page, baseUrl, owner.email, TEST_PASSWORD);
      await page.goto(`${baseUrl}/teams/${teamId}/members/${memberId}/edit`);
      // Public holidays: a place we do not know is said beside the field, the rest kept; a known one is saved.
      await page.getByLabel("Public holidays of").fill("Atlantis");
      await page.getByLabel("Working day starts").fill("08:00");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect.poll(() => page.locator("#field-holidayRegion-error").textContent()).toContain("do not know");
      expect(await page.getByLabel("Working day starts").inputValue()).toBe("08:00");
      await page.getByLabel("Public holidays of").fill("kr");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Members");
      await page.goto(`${baseUrl}/teams/${teamId}/members/${memberId}/edit`);
      expect(await page.getByLabel("Public holidays of").inputValue()).toBe("KR");

      const calendars = page.locator("#calendars");
      await expect.poll(() => calendars.locator("h2").textContent()).toBe("Busy times from your own calendars");

      // A private address: the reason next to the field, the address and the choice kept.
      const address = calendars.getByLabel("Calendar address", { exact: true });
      await address.fill(`${origin}/private.ics`);
      await calendars.locator("#all-day-blocks").check();
      await calendars.getByRole("button", { name: "Add calendar" }).click();
      await expect.poll(() => calendars.locator("#field-address-error").textContent()).toContain("refused us");
      expect(await calendars.getByLabel("Calendar address", { exact: true }).inputValue()).toBe(
        `${origin}/private.ics`,
      );
      expect(await calendars.locator("#all-day-blocks").isChecked()).toBe(true);
      expect(await calendars.getByTestId("busy-source").count()).toBe(0);

      // A working one: listed by its site only, with when it was read.
      await calendars.getByLabel("Calendar address", { exact: true }).fill(`${origin}/dana.ics`);
      await calendars.getByRole("button", { name: "Add calendar" }).click();
      await expect.poll(() => calendars.getByTestId("busy-source").count()).toBe(1);
      const listed = await calendars.getByTestId("busy-source").innerText();
      expect(listed).toContain(new URL(origin).host);
      expect(listed).toContain("Last read");
      expect(listed).not.toContain("dana.ics");
      await page.screenshot({ path: `${SCREENSHOTS}/busy-sources-${mode}.png`, fullPage: true });

      // A CalDAV calendar whose server refuses the login: said beside its address, the user name kept, never the password.
      await calendars.getByLabel("CalDAV calendar address").fill(`${origin}/dav/dana/work/`);
      await calendars.getByLabel("User name").fill("dana");
      await calendars.getByLabel("Password").fill("not-the-password");
      await calendars.getByRole("button", { name: "Add CalDAV calendar" }).click();
      await expect.poll(() => calendars.locator("#caldav-address-error").textContent()).toContain("refused us");
      expect(await calendars.getByLabel("User name").inputValue()).toBe("dana");
      // The server never sends the password back; with JavaScript the browser keeps what was typed.
      expect(await page.content()).not.toContain("not-the-password");
      if (!javaScriptEnabled) expect(await calendars.getByLabel("Password").inputValue()).toBe("");
      expect(await calendars.getByTestId("busy-source").count()).toBe(1);

      // Once added, the form is empty again for the next calendar.
      expect(await calendars.getByLabel("Calendar address", { exact: true }).inputValue()).toBe("");
      await calendars.getByRole("button", { name: /^Remove/ }).click();
      await expect.poll(() => calendars.getByTestId("busy-source").count()).toBe(0);
      // The refused 401 is the only problem the browser reports.
      expect(problems.filter((problem) => !problem.includes("status of 400"))).toEqual([]);
      await page.context().close();
    });
  }
});
