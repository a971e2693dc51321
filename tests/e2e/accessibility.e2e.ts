import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createInvite } from "~/models/invite.server";
import { createAccountLink } from "~/models/account-link.server";
import { shareTokenOf } from "~/models/note.server";
import { meetingKey } from "~/domain/meeting-key";
import { expandValidRule } from "~/domain/recurrence";
import { getRitual } from "~/models/ritual.server";
import { rsvpToken } from "~/utils/signed-token.server";
import { openPage, signIn, chromiumForThisFile } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** Addresses the demo data has, found once: its last tea time's note page and shared view, and an invite. */
async function demoAddresses() {
  const page = await prisma.notePage.findFirstOrThrow({
    where: { meeting: { ritualId: "demo-tea-time" }, shareTokenHash: { not: null } },
    include: { meeting: true },
  });
  const { token } = await createInvite("demo-team", "demo-lena");
  const email = "newcomer@accessibility.example";
  const signUp = { name: "Newcomer", passwordHash: "x", language: "en", redirectTo: "/teams/new" };
  const welcome = await createAccountLink(prisma, { purpose: "sign-up", email, signUp }, Date.now());
  const reset = await createAccountLink(prisma, { purpose: "reset", email: "lena@northwind.example" }, Date.now());
  const teaTime = (await getRitual("demo-team", "demo-tea-time"))!;
  const [next] = expandValidRule(teaTime, { from: Date.now(), to: Date.now() + 60 * 86_400_000 });
  const person = { kind: "contact", id: "demo-minseo" } as const;
  const rsvp = rsvpToken({ teamId: "demo-team", ritualId: teaTime.id, originalStart: next!.originalStart, person });
  return {
    rsvp: `/rsvp/${rsvp}?answer=maybe`,
    welcome: `/welcome/${welcome.token}`,
    reset: `/reset-password/${reset.token}`,
    notePage: `/teams/demo-team/rituals/demo-tea-time/meetings/${meetingKey(page.meeting.originalStart.getTime())}`,
    sharedPage: `/shared/${shareTokenOf(page)}`,
    invite: `/invite/${token}`,
  };
}
type Demo = Awaited<ReturnType<typeof demoAddresses>>;

const T = "/teams/demo-team";

/**
 * Every page of the app (each route file that renders one), with the
 * addresses the sweep opens for it: for visitors, or for the signed-in owner.
 * Layouts are seen through the pages inside them.
 */
const PAGES: Record<string, { visitor?: (demo: Demo) => string[]; owner?: (demo: Demo) => string[] } | "layout"> = {
  _index: { visitor: () => ["/"] },
  $: { visitor: () => ["/no/such/page"] },
  "sign-in": { visitor: () => ["/sign-in"] },
  "sign-up": { visitor: () => ["/sign-up"] },
  "check-mail": { visitor: () => ["/check-mail", "/check-mail?for=reset"] },
  "forgot-password": { visitor: () => ["/forgot-password"] },
  "welcome.$token": { visitor: (demo) => [demo.welcome, "/welcome/used-or-made-up"] },
  "reset-password.$token": { visitor: (demo) => [demo.reset, "/reset-password/used-or-made-up"] },
  "shared.$token": { visitor: (demo) => [demo.sharedPage] },
  "invite.$token": { visitor: (demo) => [demo.invite] },
  "rsvp.$token": { visitor: (demo) => [demo.rsvp, "/rsvp/made-up"] },
  account: { owner: () => ["/account"] },
  "teams.new": { owner: () => ["/teams/new"] },
  "teams.$teamId": "layout",
  "teams.$teamId._index": { owner: () => [T] },
  "teams.$teamId.members._index": { owner: () => [`${T}/members`] },
  "teams.$teamId.members.new": { owner: () => [`${T}/members/new`] },
  "teams.$teamId.members.$memberId.edit": {
    owner: () => [`${T}/members/demo-priya/edit`, `${T}/members/demo-lena/edit`],
  },
  "teams.$teamId.members.$memberId.remove": { owner: () => [`${T}/members/demo-sam/remove`] },
  "teams.$teamId.calendar": { owner: () => [`${T}/calendar`] },
  "teams.$teamId.schedule": { owner: () => [`${T}/schedule`, `${T}/schedule?zone=Asia/Kolkata`] },
  "teams.$teamId.rituals.new": { owner: () => [`${T}/rituals/new`, `${T}/rituals/new?kind=tea-time`] },
  "teams.$teamId.rituals.$ritualId._index": { owner: () => [`${T}/rituals/demo-check-in`] },
  "teams.$teamId.rituals.$ritualId.edit": { owner: () => [`${T}/rituals/demo-check-in/edit`] },
  "teams.$teamId.rituals.$ritualId.delete": { owner: () => [`${T}/rituals/demo-check-in/delete`] },
  "teams.$teamId.rituals.$ritualId.meetings.$start": {
    owner: (demo) => [`${T}/rituals/demo-tea-time/meetings/20260107T070000Z`, demo.notePage],
  },
  "teams.$teamId.customers._index": { owner: () => [`${T}/customers`] },
  "teams.$teamId.customers.$customerId._index": { owner: () => [`${T}/customers/demo-hanbit`] },
  "teams.$teamId.customers.$customerId.contacts.new": { owner: () => [`${T}/customers/demo-hanbit/contacts/new`] },
  "teams.$teamId.customers.$customerId.contacts.$contactId": {
    owner: () => [`${T}/customers/demo-hanbit/contacts/demo-daniel`],
  },
  "teams.$teamId.follow-ups": { owner: () => [`${T}/follow-ups`, `${T}/follow-ups?mine=1`] },
  "teams.$teamId.outbox": { owner: () => [`${T}/outbox`] },
  "teams.$teamId.days-off": { owner: () => [`${T}/days-off`] },
};

/** Route files that render a page: those with a default export. */
const pageRoutes = fs
  .readdirSync("app/routes")
  .filter((file) => /^export default /m.test(fs.readFileSync(`app/routes/${file}`, "utf8")))
  .map((file) => file.replace(/\.tsx?$/, ""));

function addresses(audience: "visitor" | "owner", demo: Demo): string[] {
  return Object.values(PAGES).flatMap((page) => (page === "layout" ? [] : (page[audience]?.(demo) ?? [])));
}

/** Checks each address in its own tab, a few at a time: axe's work is spread over the machine's cores. */
async function sweep(context: BrowserContext, paths: readonly string[], tabs = 3): Promise<string[]> {
  const found: string[] = [];
  const queue = [...paths];
  await Promise.all(
    Array.from({ length: tabs }, async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await page.goto(`${baseUrl}${path}`);
        await page.waitForLoadState("networkidle");
        found.push(...(await seriousViolations(page)).map((violation) => `${path}: ${violation}`));
      }
      await page.close();
    }),
  );
  return found;
}

describe("accessibility (axe-core): no serious or critical violations", () => {
  it("sweeps every page the app has (a new page must be added here)", () => {
    expect(pageRoutes.length).toBeGreaterThan(25);
    expect(pageRoutes.filter((route) => !(route in PAGES))).toEqual([]);
    expect(Object.keys(PAGES).filter((route) => !pageRoutes.includes(route))).toEqual([]);
  });

  for (const locale of ["en-US", "ko-KR"]) {
    it(`on every page, for visitors and for the team's owner (${locale})`, async () => {
      const demo = await demoAddresses();
      const options = { locale, extraHTTPHeaders: { "Accept-Language": locale } };
      const visitor = await openPage(browser(), options);
      const owner = await openPage(browser(), options);
      await signIn(owner.page, baseUrl);
      const [asVisitor, asOwner] = await Promise.all([
        sweep(visitor.page.context(), addresses("visitor", demo), 1),
        sweep(owner.page.context(), addresses("owner", demo), 3),
      ]);
      expect([...asVisitor, ...asOwner]).toEqual([]);
      await visitor.page.context().close();
      await owner.page.context().close();
    }, 120_000);
  }
});
