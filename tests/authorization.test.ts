import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createInvite } from "~/models/invite.server";
import { createRitual } from "~/models/ritual.server";
import { getMembership } from "~/models/team.server";
import { acceptInvite } from "~/models/invite.server";
import * as memberRemove from "~/routes/teams.$teamId.members.$memberId.remove";
import * as members from "~/routes/teams.$teamId.members._index";
import * as ritualDelete from "~/routes/teams.$teamId.rituals.$ritualId.delete";
import * as teamLayout from "~/routes/teams.$teamId";
import * as teamIndex from "~/routes/teams.$teamId._index";
import * as teamCalendar from "~/routes/teams.$teamId.calendar";
import * as ritualMeetingFile from "~/routes/teams.$teamId.rituals.$ritualId.meetings.$start[.]ics";
import * as ritualInvite from "~/routes/teams.$teamId.rituals.$ritualId[.]ics";
import * as ritualPage from "~/routes/teams.$teamId.rituals.$ritualId._index";
import * as ritualEdit from "~/routes/teams.$teamId.rituals.$ritualId.edit";
import * as meetingPage from "~/routes/teams.$teamId.rituals.$ritualId.meetings.$start";
import * as ritualNew from "~/routes/teams.$teamId.rituals.new";
import * as ritualPreview from "~/routes/teams.$teamId.rituals.preview";
import * as schedule from "~/routes/teams.$teamId.schedule";
import * as followUpsBoard from "~/routes/teams.$teamId.follow-ups";
import * as notesExport from "~/routes/teams.$teamId.rituals.$ritualId.meetings.$start.notes[.]md";
import { sessionCookie as cookieFor, signedUpUser as signedUp, teamOwnedBy, workingProfile } from "./support/accounts";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;
type Who = "anonymous" | "outsider" | "member" | "owner";

const world = {} as {
  teamId: string;
  otherTeamId: string;
  ritualId: string;
  otherRitualId: string;
  memberId: string;
  cookies: Record<Exclude<Who, "anonymous">, string>;
};

async function teamWithRitual(owner: Awaited<ReturnType<typeof signedUp>>, name: string) {
  const team = await teamOwnedBy(owner, name);
  const ritual = await createRitual(
    team.teamId,
    {
      kind: "check-in",
      title: `${name} check-in`,
      timeZone: "Europe/Berlin",
      startTime: "10:00",
      startDate: "2026-01-06",
    },
    { hostIds: [team.memberId] },
  );
  if (!ritual.ok) throw new Error(JSON.stringify(ritual.errors));
  return { teamId: team.teamId, ritualId: ritual.value.id };
}

beforeAll(async () => {
  const owner = await signedUp("owner@ours.example");
  const member = await signedUp("member@ours.example");
  const outsider = await signedUp("owner@theirs.example");
  const ours = await teamWithRitual(owner, "Ours");
  const theirs = await teamWithRitual(outsider, "Theirs");
  const { token } = await createInvite(ours.teamId, "owner");
  const joined = await acceptInvite(token, member, { name: "Member", ...workingProfile });
  if (!joined.ok) throw new Error("could not join");
  Object.assign(world, {
    teamId: ours.teamId,
    otherTeamId: theirs.teamId,
    ritualId: ours.ritualId,
    otherRitualId: theirs.ritualId,
    memberId: (await getMembership(member.id, ours.teamId))!.member.id,
    cookies: {
      owner: await cookieFor(owner.id),
      member: await cookieFor(member.id),
      outsider: await cookieFor(outsider.id),
    },
  });
});

/** Calls a loader or action as `who` would, and reports the HTTP status it ends in. */
async function statusOf(handler: Handler, who: Who, params: Record<string, string>, form?: Record<string, string>) {
  const headers = new Headers();
  if (who !== "anonymous") headers.set("Cookie", world.cookies[who]);
  const request = new Request(`http://localhost/teams/${params.teamId}`, {
    method: form ? "POST" : "GET",
    headers,
    body: form ? new URLSearchParams(form) : undefined,
  });
  try {
    const result = await handler({ request, params, context: {} });
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

interface Check {
  name: string;
  handler: () => Handler;
  params: () => Record<string, string>;
  form?: Record<string, string>;
  /** What a member who is not an owner gets. */
  member: number;
  /** What the owner gets. */
  owner: number;
}

// Every loader and action that reads or writes team data. Writes run last, owner-only, on their own rows.
const checks: Check[] = [
  {
    name: "team layout",
    handler: () => teamLayout.loader as Handler,
    params: () => ({ teamId: world.teamId }),
    member: 200,
    owner: 200,
  },
  {
    name: "rituals list",
    handler: () => teamIndex.loader as Handler,
    params: () => ({ teamId: world.teamId }),
    member: 200,
    owner: 200,
  },
  {
    name: "members list",
    handler: () => members.loader as Handler,
    params: () => ({ teamId: world.teamId }),
    member: 200,
    owner: 200,
  },
  {
    name: "calendar page",
    handler: () => teamCalendar.loader as Handler,
    params: () => ({ teamId: world.teamId }),
    member: 200,
    owner: 200,
  },
  {
    name: "subscription address",
    handler: () => teamCalendar.action as Handler,
    params: () => ({ teamId: world.teamId }),
    form: { intent: "rotate" },
    member: 200,
    owner: 200,
  },
  {
    name: "series invite download",
    handler: () => ritualInvite.loader as Handler,
    params: () => ({ teamId: world.teamId, ritualId: world.ritualId }),
    member: 200,
    owner: 200,
  },
  {
    name: "meeting invite download",
    handler: () => ritualMeetingFile.loader as Handler,
    params: () => ({ teamId: world.teamId, ritualId: world.ritualId, start: "20260106T090000Z" }),
    member: 200,
    owner: 200,
  },
  ...(
    [
      ["schedule", () => schedule.loader, () => ({ teamId: world.teamId })],
      ["follow-ups board", () => followUpsBoard.loader, () => ({ teamId: world.teamId })],
      [
        "note page export",
        () => notesExport.loader,
        () => ({ teamId: world.teamId, ritualId: world.ritualId, start: "20260106T090000Z" }),
      ],
      ["new ritual page", () => ritualNew.loader, () => ({ teamId: world.teamId })],
      ["live preview", () => ritualPreview.loader, () => ({ teamId: world.teamId })],
      ["ritual page", () => ritualPage.loader, () => ({ teamId: world.teamId, ritualId: world.ritualId })],
      ["ritual editor", () => ritualEdit.loader, () => ({ teamId: world.teamId, ritualId: world.ritualId })],
      [
        "meeting page",
        () => meetingPage.loader,
        () => ({ teamId: world.teamId, ritualId: world.ritualId, start: "20260106T090000Z" }),
      ],
    ] as const
  ).map(([name, handler, params]) => ({
    name,
    handler: handler as () => Handler,
    params,
    member: 200,
    owner: 200,
  })),
  {
    // An incomplete form: refused with field errors (a 400 body), nothing saved.
    name: "save a ritual",
    handler: () => ritualEdit.action as Handler,
    params: () => ({ teamId: world.teamId, ritualId: world.ritualId }),
    form: { kind: "check-in", title: "" },
    member: 200,
    owner: 200,
  },
  {
    name: "move a meeting",
    handler: () => meetingPage.action as Handler,
    params: () => ({ teamId: world.teamId, ritualId: world.ritualId, start: "20260106T090000Z" }),
    form: { intent: "move", date: "not a date", time: "10:00", durationMinutes: "30" },
    member: 200,
    owner: 200,
  },
  {
    name: "create invite",
    handler: () => members.action as Handler,
    params: () => ({ teamId: world.teamId }),
    form: { intent: "create-invite" },
    member: 403,
    owner: 200,
  },
  {
    name: "remove member (confirm page)",
    handler: () => memberRemove.loader as Handler,
    params: () => ({ teamId: world.teamId, memberId: world.memberId }),
    member: 403,
    owner: 200,
  },
  {
    name: "delete ritual (confirm page)",
    handler: () => ritualDelete.loader as Handler,
    params: () => ({ teamId: world.teamId, ritualId: world.ritualId }),
    member: 403,
    owner: 200,
  },
];

describe("authorization matrix", () => {
  for (const check of checks) {
    describe(check.name, () => {
      it("sends anonymous visitors to sign in", async () => {
        expect(await statusOf(check.handler(), "anonymous", check.params(), check.form)).toBe(302);
      });
      it("answers 404 to someone from another team", async () => {
        expect(await statusOf(check.handler(), "outsider", check.params(), check.form)).toBe(404);
      });
      it(`gives a member ${check.member}`, async () => {
        expect(await statusOf(check.handler(), "member", check.params(), check.form)).toBe(check.member);
      });
      it(`gives the owner ${check.owner}`, async () => {
        expect(await statusOf(check.handler(), "owner", check.params(), check.form)).toBe(check.owner);
      });
    });
  }

  it("answers 404 to a team's own owner for another team's ritual id in their URL, and leaves it alone", async () => {
    const params = { teamId: world.teamId, ritualId: world.otherRitualId };
    expect(await statusOf(ritualDelete.loader as Handler, "owner", params)).toBe(404);
    expect(await statusOf(ritualDelete.action as Handler, "owner", params, {})).toBe(404);
    expect(await prisma.ritual.count({ where: { id: world.otherRitualId } })).toBe(1);
  });

  it("answers 404 for another team's ritual in the editor, the ritual page and its meetings, and changes nothing", async () => {
    const params = { teamId: world.teamId, ritualId: world.otherRitualId, start: "20260106T090000Z" };
    for (const handler of [ritualPage.loader, ritualEdit.loader, meetingPage.loader, notesExport.loader]) {
      expect(await statusOf(handler as Handler, "owner", params)).toBe(404);
    }
    expect(await statusOf(ritualEdit.action as Handler, "owner", params, { kind: "check-in", title: "Taken" })).toBe(
      404,
    );
    for (const intent of ["cancel", "restore", "save-notes", "add-follow-up", "add-risk", "add-question", "share"]) {
      expect(await statusOf(meetingPage.action as Handler, "owner", params, { intent, title: "x", risk: "x" })).toBe(
        404,
      );
    }
    expect(await prisma.notePage.count({ where: { meeting: { ritualId: world.otherRitualId } } })).toBe(0);
    const theirs = await prisma.ritual.findUniqueOrThrow({ where: { id: world.otherRitualId } });
    expect(theirs.title).toBe("Theirs check-in");
    expect(await prisma.meeting.count({ where: { ritualId: world.otherRitualId } })).toBe(0);
  });

  it("refuses owner-only writes to a member and lets the owner do them", async () => {
    const removeParams = { teamId: world.teamId, memberId: world.memberId };
    expect(await statusOf(memberRemove.action as Handler, "member", removeParams, {})).toBe(403);
    expect(
      await statusOf(ritualDelete.action as Handler, "member", { teamId: world.teamId, ritualId: world.ritualId }, {}),
    ).toBe(403);
    expect(await prisma.ritual.count({ where: { id: world.ritualId } })).toBe(1);

    expect(
      await statusOf(ritualDelete.action as Handler, "owner", { teamId: world.teamId, ritualId: world.ritualId }, {}),
    ).toBe(302);
    expect(await prisma.ritual.count({ where: { id: world.ritualId } })).toBe(0);
    expect(await statusOf(memberRemove.action as Handler, "owner", removeParams, {})).toBe(302);
    expect(await statusOf(teamIndex.loader as Handler, "member", { teamId: world.teamId })).toBe(404);
  });
});
