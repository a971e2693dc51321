import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { shareTokenOf } from "~/models/note.server";
import { meetingKey } from "~/domain/meeting-key";
import { openPage, signIn, chromiumForThisFile } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

const signedOutPages = ["/", "/sign-in", "/sign-up", "/no/such/page"];
const signedInPages = [
  "/teams/demo-team",
  "/teams/demo-team/members",
  "/teams/demo-team/calendar",
  "/teams/new",
  "/teams/demo-team/rituals/demo-check-in/delete",
  "/teams/demo-team/members/demo-sam/remove",
  "/teams/demo-team/members/new",
  "/teams/demo-team/members/demo-priya/edit",
  "/teams/demo-team/schedule",
  "/teams/demo-team/schedule?zone=Asia/Kolkata",
  "/teams/demo-team/rituals/new",
  "/teams/demo-team/rituals/new?kind=tea-time",
  "/teams/demo-team/rituals/demo-check-in",
  "/teams/demo-team/rituals/demo-check-in/edit",
  "/teams/demo-team/rituals/demo-tea-time/meetings/20260107T070000Z",
  "/teams/demo-team/customers",
  "/teams/demo-team/customers/demo-hanbit",
  "/teams/demo-team/customers/demo-hanbit/contacts/new",
  "/teams/demo-team/customers/demo-hanbit/contacts/demo-daniel",
  "/teams/demo-team/follow-ups",
  "/account",
  "/teams/demo-team/follow-ups?mine=1",
  "/teams/demo-team/outbox",
  "/teams/demo-team/members/demo-lena/edit",
];

/** The demo's last tea time: its note page (full of items) and the customer's shared view of it. */
async function demoNotePages() {
  const page = await prisma.notePage.findFirstOrThrow({
    where: { meeting: { ritualId: "demo-tea-time" }, shareTokenHash: { not: null } },
    include: { meeting: true },
  });
  return {
    team: `/teams/demo-team/rituals/demo-tea-time/meetings/${meetingKey(page.meeting.originalStart.getTime())}`,
    customer: `/shared/${shareTokenOf(page)}`,
  };
}

describe("accessibility (axe-core): no serious or critical violations", () => {
  for (const locale of ["en-US", "ko-KR"]) {
    it(`on every page a visitor reaches (${locale})`, async () => {
      const { page } = await openPage(browser(), { locale, extraHTTPHeaders: { "Accept-Language": locale } });
      for (const path of [...signedOutPages, (await demoNotePages()).customer]) {
        await page.goto(`${baseUrl}${path}`);
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await page.context().close();
    });

    // Many pages, some of them large (the zone pickers): more time than one test usually gets.
    it(`on every page a team owner reaches (${locale})`, async () => {
      const { page } = await openPage(browser(), { locale, extraHTTPHeaders: { "Accept-Language": locale } });
      await signIn(page, baseUrl);
      for (const path of [...signedInPages, (await demoNotePages()).team]) {
        await page.goto(`${baseUrl}${path}`);
        await page.waitForLoadState("networkidle");
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await page.context().close();
    }, 120_000);
  }
});
