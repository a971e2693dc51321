import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { createMember } from "~/models/member.server";
import { prisma } from "~/utils/db.server";
import { signedUpUser, teamOwnedBy, TEST_PASSWORD } from "../support/accounts";
import { chromiumForThisFile, mailedLink, openPage, SCREENSHOTS, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

const heading = (page: Page) => page.locator("h1").textContent();
const revokeButton = (email: string) => new RegExp(`^Revoke\\W+${email.replace(/[.]/g, "\\.")}$`);

/** The members-page link in the latest claim mail to an owner, once the app has queued it. */
async function claimLink(ownerEmail: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mail = await prisma.mail.findFirst({
        where: { toAddress: ownerEmail, subject: { startsWith: "Is this" } },
        orderBy: { createdAt: "desc" },
      });
      link = mail?.text.match(/https?:\/\/\S+\/members#claims/)?.[0];
      return link;
    })
    .toBeDefined();
  return link!.replace(/^https?:\/\/[^/]+/, baseUrl);
}

describe("joining a team", () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "js" : "no-js";
    it(`mails invites, and a listed member who signs up waits until an owner confirms them (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const lead = await signedUpUser(`lead-${mode}@joining.example`);
      const { teamId } = await teamOwnedBy(lead, `Joining ${mode}`);
      const minjiEmail = `minji-${mode}@joining.example`;
      const otherEmail = `other-${mode}@joining.example`;
      await createMember(teamId, { name: "Min-ji Lee", email: minjiEmail, timeZone: "Asia/Seoul" });

      // The owner mails two invites at once; each address gets its own link.
      const owner = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(owner.page, baseUrl, lead.email, TEST_PASSWORD);
      await owner.page.goto(`${baseUrl}/teams/${teamId}/members`);
      const addresses = owner.page.getByLabel("Mail invite links to");
      await addresses.fill(`Min-ji <${minjiEmail}>, not an address`);
      await owner.page.getByRole("button", { name: "Send invites" }).click();
      await expect.poll(() => owner.page.locator("#invite-addresses-error").textContent()).toContain("not an email");
      expect(await addresses.inputValue()).toBe(`Min-ji <${minjiEmail}>, not an address`);
      await addresses.fill(`Min-ji <${minjiEmail}>\n${otherEmail}`);
      await owner.page.getByRole("button", { name: "Send invites" }).click();
      await expect.poll(() => owner.page.getByRole("status").allTextContents()).toContain("2 invites mailed.");
      await owner.page.getByRole("button", { name: revokeButton(otherEmail) }).click();
      await expect.poll(() => owner.page.getByRole("button", { name: revokeButton(otherEmail) }).count()).toBe(0);
      expect(await owner.page.getByRole("button", { name: revokeButton(minjiEmail) }).count()).toBe(1);
      await owner.page.screenshot({ path: `${SCREENSHOTS}/joining-invites-${mode}.png`, fullPage: true });

      // The revoked link says plainly that it no longer works.
      const other = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      const revoked = await other.page.goto(await mailedLink(otherEmail, "/invite"));
      expect(revoked?.status()).toBe(404);
      expect(await heading(other.page)).toBe("This invite link no longer works");

      // Min-ji signs up with her listed address: she waits, on her home page, her invite link and the team's pages.
      const invite = await mailedLink(minjiEmail, "/invite");
      const minji = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await minji.page.goto(`${baseUrl}/sign-up`);
      await minji.page.getByLabel("Your name").fill("Min-ji");
      await minji.page.getByLabel("Email").fill(minjiEmail);
      await minji.page.getByLabel("Password").fill(TEST_PASSWORD);
      await minji.page.getByRole("button", { name: "Create account" }).click();
      await minji.page.waitForURL("**/check-mail");
      await minji.page.goto(await mailedLink(minjiEmail, "/welcome"));
      await minji.page.getByRole("button", { name: "Create my account" }).click();
      await expect.poll(() => heading(minji.page)).toBe("Waiting for an owner to confirm you");
      expect(await minji.page.getByRole("status").textContent()).toContain(
        `An owner of Joining ${mode} has yet to confirm that you are Min-ji Lee.`,
      );
      await minji.page.screenshot({ path: `${SCREENSHOTS}/joining-waiting-${mode}.png`, fullPage: true });
      expect((await minji.page.goto(invite))?.status()).toBe(409);
      expect(await heading(minji.page)).toBe("Waiting for an owner to confirm you");
      expect((await minji.page.goto(`${baseUrl}/teams/${teamId}/schedule`))?.status()).toBe(403);
      expect(await heading(minji.page)).toBe("Waiting for an owner to confirm you");

      // The owner follows the mailed link and confirms her.
      await owner.page.goto(await claimLink(lead.email));
      const claims = owner.page.getByTestId("claims");
      expect(await claims.textContent()).toContain(`Min-ji <${minjiEmail}> says they are Min-ji Lee.`);
      await claims.getByRole("button", { name: "It is them" }).click();
      await expect.poll(() => owner.page.getByTestId("claims").count()).toBe(0);

      // Now she is in: home leads to the team, and her used link says so.
      await minji.page.goto(baseUrl);
      await minji.page.waitForURL(`**/teams/${teamId}`);
      expect((await minji.page.goto(invite))?.status()).toBe(409);
      expect(await heading(minji.page)).toBe("You have used this invite link");
      await minji.page.getByRole("link", { name: "Open it" }).click();
      await minji.page.waitForURL(`**/teams/${teamId}`);

      // The 400, 403 and 409 pages above are answers the test asked for; nothing else may go wrong.
      const unexpected = (problems: string[]) => problems.filter((problem) => !/status of 40[039]/.test(problem));
      for (const { problems } of [owner, other, minji]) expect(unexpected(problems)).toEqual([]);
      for (const { page } of [owner, other, minji]) await page.context().close();
    });
  }
});
