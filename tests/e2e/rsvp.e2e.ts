import { afterAll, describe, expect, inject, it } from "vitest";
import { parseMeetingKey } from "~/domain/meeting-key";
import { restoreMeeting } from "~/services/meetings.server";
import { prisma } from "~/utils/db.server";
import { chromiumForThisFile, moveMeeting, openNextTeaTime, openPage, SCREENSHOTS, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();
const CONTACT = "minseo.kim@hanbit.example";

/** The yes / maybe / no links of the latest mail to `email` that asks for an answer. */
async function mailedRsvpLinks(email: string, after: Date) {
  let text = "";
  await expect
    .poll(async () => {
      const mail = await prisma.mail.findFirst({
        where: { toAddress: email, createdAt: { gte: after }, text: { contains: "/rsvp/" } },
        orderBy: { createdAt: "desc" },
      });
      text = mail?.text ?? "";
      return text;
    })
    .toContain("/rsvp/");
  const links = [...text.matchAll(/https?:\/\/\S+\/rsvp\/\S+\?answer=(yes|maybe|no)/g)];
  return Object.fromEntries(links.map(([url, answer]) => [answer!, url.replace(/^https?:\/\/[^/]+/, baseUrl)]));
}

describe("answering an invite", () => {
  let moved: { ritualId: string; originalStart: number } | null = null;
  // The tea time goes back to its usual time for the tests after these.
  afterAll(async () => {
    if (moved) await restoreMeeting("demo-team", moved.ritualId, moved.originalStart);
  });

  it("takes a customer's one click from the mailed link, shows it to the team, and ignores a mail scanner", async () => {
    const lead = await openPage(browser(), { locale: "en-US" });
    await signIn(lead.page, baseUrl);
    const meetingPath = await openNextTeaTime(lead.page);
    const [, ritualId, key] = /\/rituals\/([^/]+)\/meetings\/([^/]+)$/.exec(meetingPath)!;
    moved = { ritualId: ritualId!, originalStart: parseMeetingKey(key) };
    // Moving the meeting mails everyone on it the new time, with links to answer.
    const before = new Date();
    const move = lead.page.locator("#move");
    const time = await move.locator("input[name=time]").inputValue();
    const later = `${String((Number(time.slice(0, 2)) + 1) % 24).padStart(2, "0")}${time.slice(2)}`;
    await move.locator("input[name=time]").fill(later);
    // Daniel is in New York: the tea time is his night, and the page says so before it moves.
    expect(await moveMeeting(lead.page)).toMatch(/Daniel Cho: .*In the night/);
    const links = await mailedRsvpLinks(CONTACT, before);
    expect(Object.keys(links).sort()).toEqual(["maybe", "no", "yes"]);

    // A mail scanner fetches every link: that answers nothing.
    for (const url of Object.values(links)) {
      const scanned = await fetch(url, { redirect: "manual" });
      expect(scanned.status).toBe(200);
      expect(await scanned.text()).toContain("아직 답하지 않으셨습니다.");
    }

    // The contact, without an account, clicks "Yes" in the mail: answered at once, in the customer's language.
    const contact = await openPage(browser(), { locale: "en-US" });
    await contact.page.goto(links.yes!);
    await expect
      .poll(() => contact.page.getByTestId("rsvp-answer").innerText())
      .toBe("감사합니다. 참석한다고 답하셨습니다.");
    expect(await contact.page.locator("script[src]").count()).toBe(0);
    await contact.page.screenshot({ path: `${SCREENSHOTS}/rsvp-answered.png`, fullPage: true });
    // Changing the answer is one more click.
    await contact.page.getByRole("button", { name: "미정" }).click();
    await expect
      .poll(() => contact.page.getByTestId("rsvp-answer").innerText())
      .toBe("감사합니다. 미정이라고 답하셨습니다.");
    expect(contact.problems).toEqual([]);

    await lead.page.reload();
    const groups = lead.page.getByTestId("rsvp-groups");
    await expect.poll(() => groups.innerText()).toMatch(/Maybe\s+Min-seo Kim/);
    expect(lead.problems).toEqual([]);
    await lead.page.context().close();
    await contact.page.context().close();
  });

  it("answers a bad answer, a forged link and another site's form with an error, and records nothing", async () => {
    const forged = `${baseUrl}/rsvp/demo-team.${moved!.ritualId}.${moved!.originalStart}.c-demo-minseo.AAAAAAAAAAAAAAAAAAAAAA`;
    const post = (url: string, body: string, origin = baseUrl) =>
      fetch(url, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
    const before = await prisma.rsvp.findMany({ orderBy: { personId: "asc" } });
    const [real] = Object.values(await mailedRsvpLinks(CONTACT, new Date(0)));
    const page = real!.replace(/\?.*$/, "");
    expect((await post(page, "answer=certainly")).status).toBe(400);
    expect((await post(forged, "answer=yes")).status).toBe(404);
    expect((await fetch(`${forged}?answer=yes`, { headers: { "Sec-Fetch-User": "?1" } })).status).toBe(404);
    expect((await post(page, "answer=no", "https://evil.example")).status).toBe(403);
    expect(await prisma.rsvp.findMany({ orderBy: { personId: "asc" } })).toEqual(before);
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`lets a member answer on the meeting page (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(page, baseUrl);
      await openNextTeaTime(page);
      const panel = page.locator("#rsvp");
      const answer = javaScriptEnabled ? "No, I can't come" : "Yes, I'm coming";
      await panel.getByRole("button", { name: answer }).click();
      await expect.poll(() => panel.getByRole("button", { name: answer }).getAttribute("aria-pressed")).toBe("true");
      await expect
        .poll(() => page.getByTestId("rsvp-groups").innerText())
        .toMatch(javaScriptEnabled ? /Not coming\s+Lena/ : /Coming\s+Lena/);
      await page.screenshot({ path: `${SCREENSHOTS}/rsvp-meeting-${javaScriptEnabled ? "js" : "no-js"}.png` });
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
