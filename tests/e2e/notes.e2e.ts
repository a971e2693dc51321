import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { chromiumForThisFile, openNextTeaTime, openPage, SCREENSHOTS, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

/** Records any dialog a script opens: none may open, whatever was typed into the page. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** Opens a disclosure (an "add" form) unless it is open already. */
async function expand(page: Page, selector: string) {
  const details = page.locator(selector);
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await details.locator("summary").first().click();
  }
}

describe("note pages", () => {
  it("runs a tea time end to end: notes, a risk, follow-ups, a parked question, and the customer's view", async () => {
    const { page, problems } = await openPage(browser(), { locale: "en-US" });
    const dialogs = watchDialogs(page);
    await signIn(page, baseUrl);
    const path = await openNextTeaTime(page);

    await page
      .getByLabel("Notes", { exact: true })
      .fill(`We agreed **to ship on Fridays**.\n\n${XSS_PAYLOADS.join("\n\n")}`);
    await page.getByLabel("The customer's deadline").fill("2027-01-15");
    await page.getByRole("button", { name: "Save notes" }).click();
    await expect.poll(() => page.locator(".rendered-note strong").first().textContent()).toBe("to ship on Fridays");
    await expect.poll(() => page.locator(".deadline-banner").textContent()).toContain("Jan 15, 2027");

    await expand(page, "#risks > details.add-item");
    const addRisk = page.locator("#risks > details.add-item");
    await addRisk.getByLabel("Risk", { exact: true }).fill("Customs delay at Busan");
    await addRisk.getByLabel("Impact").fill("Deliveries a week late");
    await page.getByRole("button", { name: "Add a risk" }).click();
    await expect.poll(() => page.locator("#risks").getByTestId("risk").innerText()).toContain("Customs delay at Busan");

    await expand(page, "#follow-ups > details.add-item");
    const addFollowUp = page.locator("#follow-ups > details.add-item");
    await addFollowUp.getByLabel("What will be done").fill("Send the revised schedule <img src=x onerror=alert(1)>");
    await addFollowUp.getByLabel("Owner").selectOption({ label: "Ji-woo Park" });
    await addFollowUp.getByLabel("Show to the customer on the shared page").check();
    await page.getByRole("button", { name: "Add a follow-up" }).click();
    await expect.poll(() => page.locator("#follow-ups").getByTestId("follow-up").count()).toBe(1);
    await expand(page, "#follow-ups > details.add-item");
    await addFollowUp.getByLabel("What will be done").fill("Check our margins");
    await page.getByRole("button", { name: "Add a follow-up" }).click();
    await expect.poll(() => page.locator("#follow-ups").getByTestId("follow-up").count()).toBe(2);
    expect(await page.locator("#follow-ups").getByTestId("follow-up").first().innerText()).toContain(
      "Ji-woo Park, due",
    );

    await expand(page, "#questions > details.add-item");
    const parkQuestion = page.locator("#questions > details.add-item");
    await parkQuestion.getByLabel("Question", { exact: true }).fill("Can we ship on Sundays?");
    await parkQuestion.getByLabel("Asked by").fill("Min-seo Kim");
    await parkQuestion.getByLabel("Who can answer").selectOption({ label: "Ji-woo Park" });
    await parkQuestion.getByLabel("Show to the customer on the shared page").check();
    await page.getByRole("button", { name: "Park a question" }).click();
    await expect
      .poll(() => page.locator("#questions").getByTestId("question").innerText())
      .toContain("Not answered yet");

    await page.getByRole("button", { name: "Create a customer link" }).click();
    await expect.poll(() => page.locator("#share-url").count()).toBe(1);
    const shareUrl = await page.locator("#share-url").inputValue();
    expect(shareUrl).toMatch(/\/shared\/[A-Za-z0-9_-]{43}$/);
    await page.screenshot({ path: `${SCREENSHOTS}/note-page-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOTS}/note-page-phone.png`, fullPage: true });

    // The customer, in a browser that has never signed in, reads it in the customer's language (Korean).
    const customer = await openPage(browser(), { locale: "en-US" });
    const customerDialogs = watchDialogs(customer.page);
    await customer.page.goto(shareUrl);
    expect(await customer.page.locator("html").getAttribute("lang")).toBe("ko");
    const text = await customer.page.locator("main").innerText();
    expect(text).toContain("Tea time with Hanbit Logistics");
    expect(text).toContain("고객 마감일");
    expect(text).toContain("Customs delay at Busan");
    expect(text).toContain("Send the revised schedule");
    expect(text).toContain("Can we ship on Sundays?");
    expect(text).not.toContain("Check our margins");
    expect(text).not.toContain("to ship on Fridays");
    expect(await customer.page.getByRole("navigation", { name: "팀" }).count()).toBe(0);
    expect(await customer.page.locator('a[href^="/teams"]').count()).toBe(0);
    await customer.page.screenshot({ path: `${SCREENSHOTS}/shared-page.png`, fullPage: true });

    // The customer's tea-time invite leads to the shared page.
    const invite = await (
      await page.request.get(`${baseUrl}/teams/demo-team/rituals/demo-tea-time/customer.ics`)
    ).text();
    const description = new ICAL.Component(ICAL.parse(invite)).getFirstSubcomponent("vevent")!;
    expect(String(description.getFirstPropertyValue("description"))).toContain(shareUrl);

    // Stopping the link turns it off for the customer.
    await page.getByRole("button", { name: "Stop sharing" }).click();
    await expect.poll(() => page.locator("#share-url").count()).toBe(0);
    expect((await customer.page.goto(shareUrl))?.status()).toBe(404);
    expect((await customer.page.goto(`${baseUrl}/shared/${"x".repeat(43)}`))?.status()).toBe(404);

    // Markdown export of everything on the page.
    const exported = await page.request.get(`${baseUrl}${path}/notes.md`);
    expect(exported.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    const markdown = await exported.text();
    expect(markdown).toContain("# Tea time with Hanbit Logistics");
    expect(markdown).toContain("- [ ] Check our margins");
    expect(markdown).toContain("Customs delay at Busan");

    // The board shows the follow-up under its owner's due date.
    await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Follow-ups" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("Send the revised schedule");

    expect(dialogs).toEqual([]);
    expect(customerDialogs).toEqual([]);
    expect(problems.filter((problem) => !problem.includes("status of 404"))).toEqual([]);
    expect(customer.problems.filter((problem) => !problem.includes("status of 404"))).toEqual([]);
    await page.context().close();
    await customer.page.context().close();
  });

  it("shows the second of two people saving the same page both versions, without JavaScript", async () => {
    const first = await openPage(browser(), { locale: "en-US" });
    const second = await openPage(browser(), { locale: "en-US", javaScriptEnabled: false });
    await signIn(first.page, baseUrl);
    await signIn(second.page, baseUrl, "jiwoo@northwind.example");
    const path = await openNextTeaTime(first.page);
    await second.page.goto(`${baseUrl}${path}`);

    await first.page.getByLabel("Decisions", { exact: true }).fill("Lena: ship on Fridays");
    await first.page.getByRole("button", { name: "Save notes" }).click();
    await expect.poll(() => first.page.locator(".rendered-note").allInnerTexts()).toContain("Lena: ship on Fridays");

    await second.page.getByLabel("Decisions", { exact: true }).fill("Ji-woo: ship on Mondays");
    await second.page.getByRole("button", { name: "Save notes" }).click();
    await expect.poll(() => second.page.locator(".conflict").count()).toBe(1);
    expect(await second.page.getByTestId("theirs-decisions").inputValue()).toBe("Lena: ship on Fridays");
    // The panel says who saved first; nothing above it claims the page is empty.
    expect(await second.page.locator(".conflict").innerText()).toMatch(
      /^Lena Fischer saved this page at .+, while you were writing\./,
    );
    expect(await second.page.locator("#notes").innerText()).not.toContain("No notes yet");
    expect(await second.page.getByTestId("conflict-notice").count()).toBe(1);
    // Only the text that really differs is shown twice (a textarea's CRLF line breaks are no difference).
    expect(await second.page.getByTestId("theirs-notes").count()).toBe(0);
    expect(await second.page.getByTestId("theirs-agenda").count()).toBe(0);
    const mine = second.page.getByLabel("Decisions: your version");
    expect(await mine.inputValue()).toBe("Ji-woo: ship on Mondays");
    await second.page.screenshot({ path: `${SCREENSHOTS}/note-conflict.png`, fullPage: true });

    await mine.fill("Ship on Fridays; Mondays for urgent orders");
    await second.page.getByRole("button", { name: "Save my version" }).click();
    await expect
      .poll(() => second.page.locator(".rendered-note").allInnerTexts())
      .toContain("Ship on Fridays; Mondays for urgent orders");
    await first.page.close();
    await second.page.close();
  });

  it("refuses a note over 256 KB beside the field and keeps the text in the form", async () => {
    const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled: false });
    await signIn(page, baseUrl);
    await openNextTeaTime(page);
    const huge = `${"Minutes of a very long meeting. ".repeat(9000)}END`;
    await page.getByLabel("Notes", { exact: true }).fill(huge);
    await page.getByRole("button", { name: "Save notes" }).click();
    await expect.poll(() => page.locator("#field-notes-error").textContent()).toContain("over 256 KB");
    expect(await page.getByLabel("Notes", { exact: true }).inputValue()).toBe(huge);
    expect(problems.filter((problem) => !problem.includes("status of 400"))).toEqual([]);
    await page.context().close();
  });
});
