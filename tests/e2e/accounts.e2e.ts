import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { openPage, SCREENSHOTS, signIn, chromiumForThisFile, mailedLink } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();
const unique = () => Math.random().toString(36).slice(2, 8);
/** A team's own page (not /teams/new). */
const TEAM_PAGE = /\/teams\/(?!new$)[^/]+$/;

/** Fills in the sign-up form, then follows the mailed link and makes the account. */
async function signUp(page: Page, name: string, email: string) {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a very good password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/check-mail");
  await page.goto(await mailedLink(email, "/welcome"));
  await page.getByRole("button", { name: "Create my account" }).click();
}

describe("accounts and teams", () => {
  it("signs up, creates a team, and lets a second person join through an invite link", async () => {
    const owner = await openPage(browser(), { locale: "en-US", timezoneId: "Asia/Seoul" });
    await owner.page.goto(`${baseUrl}/sign-up`);
    await signUp(owner.page, "Ada Kwon", `ada-${unique()}@example.com`);
    await owner.page.waitForURL("**/teams/new");
    await owner.page.waitForLoadState("networkidle");
    // The browser's own zone is filled in for the new member.
    expect(await owner.page.getByLabel("Your time zone").inputValue()).toBe("Asia/Seoul");
    await owner.page.getByLabel("Team name").fill("Orbit");
    await owner.page.getByLabel("Team's main time zone").fill("Asia/Seoul");
    await owner.page.screenshot({ path: `${SCREENSHOTS}/new-team.png`, fullPage: true });
    await owner.page.getByRole("button", { name: "Create team" }).click();
    await owner.page.waitForURL(TEAM_PAGE);
    await expect.poll(() => owner.page.locator("h2").first().textContent()).toBe("No rituals yet");

    await owner.page.getByRole("link", { name: "Members" }).click();
    await owner.page.getByRole("button", { name: "Create invite link" }).click();
    const inviteUrl = await owner.page.getByLabel(/Invite link/).inputValue();
    expect(inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await owner.page.screenshot({ path: `${SCREENSHOTS}/members.png`, fullPage: true });

    const joiner = await openPage(browser(), { locale: "en-US", timezoneId: "America/New_York" });
    await joiner.page.goto(inviteUrl);
    expect(await joiner.page.locator("h1").textContent()).toBe("Join Orbit");
    await joiner.page.getByRole("link", { name: "Sign up" }).first().click();
    await signUp(joiner.page, "Ben Ortiz", `ben-${unique()}@example.com`);
    await joiner.page.waitForURL(inviteUrl);
    await joiner.page.waitForLoadState("networkidle");
    expect(await joiner.page.getByLabel("Your time zone").inputValue()).toBe("America/New_York");
    await joiner.page.getByRole("button", { name: "Join the team" }).click();
    await joiner.page.waitForURL(TEAM_PAGE);

    for (const { page } of [owner, joiner]) {
      await page.goto(new URL("members", page.url().replace(/\/members$/, "") + "/").toString());
      const names = await page.getByTestId("member").allInnerTexts();
      expect(names.some((row) => row.includes("Ada Kwon") && row.includes("Owner"))).toBe(true);
      expect(names.some((row) => row.includes("Ben Ortiz") && row.includes("America/New_York"))).toBe(true);
    }
    // The link was single-use: it says so, and what to do, rather than a bare "not found".
    const third = await openPage(browser(), { locale: "en-US" });
    expect((await third.page.goto(inviteUrl))?.status()).toBe(404);
    expect(await third.page.locator("h1").textContent()).toBe("This invite link no longer works");
    expect(await third.page.locator("main").innerText()).toContain("Ask whoever invited you for a new link");
    // Someone who joined through it is told so, and pointed to their team.
    expect((await joiner.page.goto(inviteUrl))?.status()).toBe(409);
    expect(await joiner.page.locator("h1").textContent()).toBe("You have used this invite link");
    await expect.poll(() => joiner.page.getByRole("link", { name: "Open it" }).count()).toBe(1);
    expect(owner.problems).toEqual([]);
    expect(joiner.problems.filter((problem) => !problem.includes("status of 409"))).toEqual([]);
    await Promise.all([owner, joiner, third].map(({ page }) => page.context().close()));
  });

  it("shows errors beside the fields and keeps what was typed, without JavaScript", async () => {
    const { page } = await openPage(browser(), { locale: "en-US", javaScriptEnabled: false });
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel("Your name").fill("Cleo <b>Park</b>");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForLoadState();
    expect(await page.getByLabel("Your name").inputValue()).toBe("Cleo <b>Park</b>");
    expect(await page.getByLabel("Password").inputValue()).toBe("");
    expect(await page.locator("#field-email-error").textContent()).toContain("name@example.com");
    expect(await page.locator("#field-password-error").textContent()).toContain("at least 10 characters");
    expect(await page.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
    await page.screenshot({ path: `${SCREENSHOTS}/sign-up-errors.png`, fullPage: true });

    const email = `cleo-${unique()}@example.com`;
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a very good password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/check-mail");
    await page.goto(await mailedLink(email, "/welcome"));
    await page.getByRole("button", { name: "Create my account" }).click();
    await page.waitForURL("**/teams/new");
    await page.getByLabel("Team name").fill("Night shift");
    await page.getByLabel("Team's main time zone").fill("Mars/Olympus_Mons");
    await page.getByLabel("Your time zone").fill("Europe/Berlin");
    await page.getByLabel("Working day starts").fill("18:00");
    await page.getByLabel("Working day ends").fill("18:00");
    await page.getByRole("button", { name: "Create team" }).click();
    await page.waitForLoadState();
    expect(await page.locator("#field-teamTimeZone-error").textContent()).toContain("not a time zone we know");
    expect(await page.locator("#field-workEnd-error").textContent()).toContain(
      "must not start and end at the same time",
    );
    expect(await page.getByLabel("Team name").inputValue()).toBe("Night shift");
    expect(await page.getByLabel("Your time zone").inputValue()).toBe("Europe/Berlin");

    await page.getByLabel("Team's main time zone").fill("Asia/Kolkata");
    await page.getByLabel("Working day ends").fill("23:00");
    await page.getByRole("button", { name: "Create team" }).click();
    await page.waitForURL(TEAM_PAGE);
    await expect.poll(() => page.locator(".team-name").textContent()).toBe("Night shift");
    // The name was stored as text, not markup.
    expect(await page.locator(".user-name").textContent()).toBe("Cleo <b>Park</b>");
    await page.context().close();
  });

  it("sends sign-up once when Create account is clicked twice, and mails one link", async () => {
    const { page, problems } = await openPage(browser(), { locale: "en-US" });
    await page.goto(`${baseUrl}/sign-up`);
    const email = `dana-${unique()}@example.com`;
    await page.getByLabel("Your name").fill("Dana Impatient");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a very good password");
    // A slow network: the server has mailed the link, the answer is still on its way, the person clicks again.
    let mailedLinkOut!: () => void;
    const linkMailed = new Promise<void>((resolve) => (mailedLinkOut = resolve));
    let answerFirst!: () => void;
    const firstAnswered = new Promise<void>((resolve) => (answerFirst = resolve));
    let posts = 0;
    await page.route("**/sign-up", async (route) => {
      if (route.request().method() !== "POST" || ++posts > 1) return route.continue();
      const response = await route.fetch({ maxRedirects: 0 });
      mailedLinkOut();
      await firstAnswered;
      await route.fulfill({ response }).catch(() => {});
    });
    // The mouse, not a locator: a locator's click waits for the navigation it started.
    const box = (await page.getByRole("button", { name: "Create account" }).boundingBox())!;
    const clickButton = () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await clickButton();
    await linkMailed;
    await clickButton();
    answerFirst();
    await page.waitForURL("**/check-mail");
    expect(posts).toBe(1);
    expect(await prisma.mail.count({ where: { toAddress: email } })).toBe(1);
    await page.goto(await mailedLink(email, "/welcome"));
    await page.getByRole("button", { name: "Create my account" }).click();
    await page.waitForURL("**/teams/new");
    expect(await page.locator(".user-name").textContent()).toBe("Dana Impatient");
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("resets a forgotten password through a mailed link, and the old one stops working", async () => {
    const { page, problems } = await openPage(browser(), { locale: "en-US" });
    const email = `forgetful-${unique()}@example.com`;
    await page.goto(`${baseUrl}/sign-up`);
    await signUp(page, "Fern Forgetful", email);
    await page.waitForURL("**/teams/new");
    await page.context().clearCookies();

    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Mail me a link" }).click();
    await page.waitForURL("**/check-mail?for=reset");
    expect(await page.getByRole("status").textContent()).toContain("If an account uses the address you gave");
    await page.goto(await mailedLink(email, "/reset-password"));
    await page.locator("#field-newPassword").fill("an entirely new phrase");
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.waitForURL("**/account?changed=1");
    await page.screenshot({ path: `${SCREENSHOTS}/password-reset.png`, fullPage: true });

    await page.context().clearCookies();
    await signIn(page, baseUrl, email, "an entirely new phrase");
    expect(await page.locator(".user-name").textContent()).toBe("Fern Forgetful");
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("says when a password is wrong, and slows down repeated guessing", async () => {
    const { page } = await openPage(browser(), { locale: "en-US" });
    const email = `guess-${unique()}@example.com`;
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`guess number ${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect.poll(() => page.locator("#form-error").textContent()).toContain("do not match");
      expect(await page.getByLabel("Email").inputValue()).toBe(email);
    }
    await page.getByLabel("Password").fill("one more guess");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.locator("#form-error").textContent())
      .toContain("Too many failed sign-ins from here. Wait 1 minute, then");
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in-throttled.png`, fullPage: true });

    // Someone else's account is not affected.
    await signIn(page, baseUrl);
    expect(new URL(page.url()).pathname).toBe("/teams/demo-team");
    await page.context().close();
  });

  it("sends someone who is not signed in to sign in, and back afterwards", async () => {
    const { page } = await openPage(browser(), { locale: "en-US" });
    await page.goto(`${baseUrl}/teams/demo-team/members`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.getByLabel("Email").fill("jiwoo@northwind.example");
    await page.getByLabel("Password").fill("rituals-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/teams/demo-team/members");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Members");
    // Ji-woo is a member, not an owner: no invite or remove controls.
    expect(await page.getByRole("button", { name: "Create invite link" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: /Remove/ }).count()).toBe(0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect((await page.goto(`${baseUrl}/teams/demo-team`))?.url()).toContain("/sign-in");
    await page.context().close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`changes the password from the account page, signing out every other browser (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const email = `pat-${unique()}@example.com`;
      const laptop = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await laptop.page.goto(`${baseUrl}/sign-up`);
      await signUp(laptop.page, "Pat Lee", email);
      await laptop.page.waitForURL("**/teams/new");
      const phone = await openPage(browser(), { locale: "en-US" });
      await signIn(phone.page, baseUrl, email, "a very good password");

      await laptop.page.getByRole("link", { name: "Pat Lee" }).click();
      await expect.poll(() => laptop.page.locator("h1").textContent()).toBe("Your account");
      await laptop.page.getByLabel("Current password").fill("not my password");
      await laptop.page.getByLabel("New password").fill("an even better password");
      await laptop.page.getByRole("button", { name: "Change password" }).click();
      await expect
        .poll(() => laptop.page.locator("#field-currentPassword-error").textContent())
        .toBe("That is not your current password.");
      await laptop.page.getByLabel("Current password").fill("a very good password");
      await laptop.page.getByLabel("New password").fill("an even better password");
      await laptop.page.getByRole("button", { name: "Change password" }).click();
      await expect.poll(() => laptop.page.getByRole("status").textContent()).toContain("Your password is changed");

      // This browser stays signed in; the other one is sent to sign in again.
      await laptop.page.goto(`${baseUrl}/teams/new`);
      expect(new URL(laptop.page.url()).pathname).toBe("/teams/new");
      await phone.page.goto(`${baseUrl}/teams/new`);
      expect(new URL(phone.page.url()).pathname).toBe("/sign-in");
      await laptop.page.screenshot({ path: `${SCREENSHOTS}/account.png`, fullPage: true });
      expect(laptop.problems.filter((problem) => !problem.includes("status of 400"))).toEqual([]);
      await Promise.all([laptop, phone].map(({ page }) => page.context().close()));
    });
  }
});
