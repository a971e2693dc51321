import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createInvite } from "~/models/invite.server";
import { createRitual } from "~/models/ritual.server";
import { getMembership } from "~/models/team.server";
import { joinTeam } from "~/services/joining.server";
import { hanbitTeaTime } from "./support/tea-time";
import { sessionCookie as cookieFor, signedUpUser as signedUp, teamOwnedBy, workingProfile } from "./support/accounts";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;
type Who = "anonymous" | "outsider" | "member" | "owner";

const world = {} as {
  teamId: string;
  otherTeamId: string;
  ritualId: string;
  otherRitualId: string;
  memberId: string;
  ownerMemberId: string;
  customerId: string;
  contactId: string;
  mailId: string;
  teaTimeId: string;
  cookies: Record<Exclude<Who, "anonymous">, string>;
};

interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

/** Every route of a team's pages (its address starts /teams/:teamId), by file name. */
const TEAM_ROUTE_FILES = fs.readdirSync("app/routes").filter((file) => file.startsWith("teams.$teamId"));
const TEAM_ROUTES = TEAM_ROUTE_FILES.map((file) => file.replace(/\.tsx?$/, ""));
const routes: Record<string, RouteModule> = {};
const handlerOf = (route: string, name: "loader" | "action") => {
  const handler = routes[route]?.[name];
  if (!handler) throw new Error(`${route} has no ${name}`);
  return handler;
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
  return { teamId: team.teamId, ritualId: ritual.value.id, memberId: team.memberId };
}

beforeAll(async () => {
  for (const [index, file] of TEAM_ROUTE_FILES.entries()) {
    routes[TEAM_ROUTES[index]!] = (await import(/* @vite-ignore */ path.resolve("app/routes", file))) as RouteModule;
  }
  const owner = await signedUp("owner@ours.example");
  const member = await signedUp("member@ours.example");
  const outsider = await signedUp("owner@theirs.example");
  const ours = await teamWithRitual(owner, "Ours");
  const theirs = await teamWithRitual(outsider, "Theirs");
  const { token } = await createInvite(ours.teamId, "owner");
  const joined = await joinTeam(token, member, { name: "Member", ...workingProfile });
  if (!joined.ok) throw new Error("could not join");
  const memberId = (await getMembership(member.id, ours.teamId))!.member.id;
  const hanbit = await hanbitTeaTime(ours.teamId, ours.memberId, "2026-01-07");
  // A mail to the member, with its calendar file: the member's own outbox and the owner's show it.
  const mail = await prisma.mail.create({
    data: {
      teamId: ours.teamId,
      memberId,
      dedupeKey: "authorization-mail",
      kind: "invite",
      toName: "Member",
      toAddress: "member@ours.example",
      subject: "Invitation",
      text: "Hello",
      calendar: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
      calendarMethod: "REQUEST",
      nextAttemptAt: new Date(),
    },
  });
  Object.assign(world, {
    teamId: ours.teamId,
    otherTeamId: theirs.teamId,
    ritualId: ours.ritualId,
    otherRitualId: theirs.ritualId,
    memberId,
    ownerMemberId: (await getMembership(owner.id, ours.teamId))!.member.id,
    customerId: hanbit.customerId,
    contactId: hanbit.contactId,
    mailId: mail.id,
    teaTimeId: hanbit.teaTimeId,
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
  route: string;
  handler: "loader" | "action";
  params: () => Record<string, string>;
  /** Posted to an action: incomplete where it would write, so nothing is saved. */
  form?: Record<string, string>;
  /** What a member who is not an owner gets. */
  member: number;
  /** What the owner gets. */
  owner: number;
}

const MEETING = "20260106T090000Z";
const team = () => ({ teamId: world.teamId });
const ritual = () => ({ ...team(), ritualId: world.ritualId });
const meeting = () => ({ ...ritual(), start: MEETING });
const customer = () => ({ ...team(), customerId: world.customerId });
const both = (name: string, route: string, params: () => Record<string, string>, form?: Record<string, string>) =>
  ({ name, route, handler: form ? "action" : "loader", params, form, member: 200, owner: 200 }) satisfies Check;
const ownerOnly = (name: string, route: string, params: () => Record<string, string>, form?: Record<string, string>) =>
  ({ ...both(name, route, params, form), member: 403 }) satisfies Check;

// Every loader and action of the team's routes (a test below holds it to the route list).
// Writes are sent incomplete, so they answer with field errors and save nothing.
const checks: Check[] = [
  both("team layout", "teams.$teamId", team),
  both("rituals list", "teams.$teamId._index", team),
  both("members list", "teams.$teamId.members._index", team),
  ownerOnly("create invite", "teams.$teamId.members._index", team, { intent: "create-invite" }),
  ownerOnly("new member page", "teams.$teamId.members.new", team),
  ownerOnly("add a member", "teams.$teamId.members.new", team, { name: "" }),
  both(
    "add one's own time away",
    "teams.$teamId.members.$memberId.edit",
    () => ({ ...team(), memberId: world.memberId }),
    {
      intent: "add-away",
      firstDay: "",
    },
  ),
  ownerOnly(
    "add someone else's time away",
    "teams.$teamId.members.$memberId.edit",
    () => ({ ...team(), memberId: world.ownerMemberId }),
    { intent: "add-away", firstDay: "" },
  ),
  both("edit one's own profile (page)", "teams.$teamId.members.$memberId.edit", () => ({
    ...team(),
    memberId: world.memberId,
  })),
  ownerOnly("edit someone else's profile (page)", "teams.$teamId.members.$memberId.edit", () => ({
    ...team(),
    memberId: world.ownerMemberId,
  })),
  ownerOnly(
    "save someone else's profile",
    "teams.$teamId.members.$memberId.edit",
    () => ({ ...team(), memberId: world.ownerMemberId }),
    { name: "" },
  ),
  ownerOnly("remove member (confirm page)", "teams.$teamId.members.$memberId.remove", () => ({
    ...team(),
    memberId: world.memberId,
  })),
  both("calendar page", "teams.$teamId.calendar", team),
  both("subscription address", "teams.$teamId.calendar", team, { intent: "rotate" }),
  both("customers list", "teams.$teamId.customers._index", team),
  both("add a customer", "teams.$teamId.customers._index", team, { name: "" }),
  both("customer page", "teams.$teamId.customers.$customerId._index", customer),
  both("save a customer", "teams.$teamId.customers.$customerId._index", customer, { name: "" }),
  both("new contact page", "teams.$teamId.customers.$customerId.contacts.new", customer),
  both("add a contact", "teams.$teamId.customers.$customerId.contacts.new", customer, { name: "" }),
  both("contact page", "teams.$teamId.customers.$customerId.contacts.$contactId", () => ({
    ...customer(),
    contactId: world.contactId,
  })),
  both(
    "save a contact",
    "teams.$teamId.customers.$customerId.contacts.$contactId",
    () => ({ ...customer(), contactId: world.contactId }),
    { name: "" },
  ),
  both("outbox", "teams.$teamId.outbox", team),
  both("a sent mail's calendar file", "teams.$teamId.outbox.$mailId[.]ics", () => ({
    ...team(),
    mailId: world.mailId,
  })),
  both("schedule", "teams.$teamId.schedule", team),
  both("follow-ups board", "teams.$teamId.follow-ups", team),
  both("days off", "teams.$teamId.days-off", team),
  ownerOnly("add a team day", "teams.$teamId.days-off", team, { name: "" }),
  both("new ritual page", "teams.$teamId.rituals.new", team),
  both("create a ritual", "teams.$teamId.rituals.new", team, { kind: "check-in", title: "" }),
  both("live preview", "teams.$teamId.rituals.preview", team),
  both("ritual page", "teams.$teamId.rituals.$ritualId._index", ritual),
  both("ritual editor", "teams.$teamId.rituals.$ritualId.edit", ritual),
  both("save a ritual", "teams.$teamId.rituals.$ritualId.edit", ritual, { kind: "check-in", title: "" }),
  ownerOnly("delete ritual (confirm page)", "teams.$teamId.rituals.$ritualId.delete", ritual),
  both("series invite download", "teams.$teamId.rituals.$ritualId[.]ics", ritual),
  both("customer's invite download", "teams.$teamId.rituals.$ritualId.customer[.]ics", () => ({
    ...team(),
    ritualId: world.teaTimeId,
  })),
  both("meeting page", "teams.$teamId.rituals.$ritualId.meetings.$start", meeting),
  both("move a meeting", "teams.$teamId.rituals.$ritualId.meetings.$start", meeting, {
    intent: "move",
    date: "not a date",
    time: "10:00",
    durationMinutes: "30",
  }),
  both("meeting invite download", "teams.$teamId.rituals.$ritualId.meetings.$start[.]ics", meeting),
  both("note page export", "teams.$teamId.rituals.$ritualId.meetings.$start.notes[.]md", meeting),
];

/** Writes that cannot be sent incomplete: tested one by one at the end, on their own rows. */
const RITUAL_DELETE = "teams.$teamId.rituals.$ritualId.delete";
const MEMBER_REMOVE = "teams.$teamId.members.$memberId.remove";
const MEETING_PAGE = "teams.$teamId.rituals.$ritualId.meetings.$start";
const TESTED_APART = ["teams.$teamId.members.$memberId.remove#action", "teams.$teamId.rituals.$ritualId.delete#action"];

it("covers every loader and action of the team's routes", () => {
  expect(TEAM_ROUTES.length).toBeGreaterThan(20);
  const covered = new Set([...checks.map((check) => `${check.route}#${check.handler}`), ...TESTED_APART]);
  const missing = TEAM_ROUTES.flatMap((route) =>
    (["loader", "action"] as const).filter((name) => routes[route]![name]).map((name) => `${route}#${name}`),
  ).filter((handler) => !covered.has(handler));
  expect(missing).toEqual([]);
});

describe("authorization matrix", () => {
  for (const check of checks) {
    describe(check.name, () => {
      it("sends anonymous visitors to sign in", async () => {
        expect(await statusOf(handlerOf(check.route, check.handler), "anonymous", check.params(), check.form)).toBe(
          302,
        );
      });
      it("answers 404 to someone from another team", async () => {
        expect(await statusOf(handlerOf(check.route, check.handler), "outsider", check.params(), check.form)).toBe(404);
      });
      it(`gives a member ${check.member}`, async () => {
        expect(await statusOf(handlerOf(check.route, check.handler), "member", check.params(), check.form)).toBe(
          check.member,
        );
      });
      it(`gives the owner ${check.owner}`, async () => {
        expect(await statusOf(handlerOf(check.route, check.handler), "owner", check.params(), check.form)).toBe(
          check.owner,
        );
      });
    });
  }

  it("answers 404 to a team's own owner for another team's ritual id in their URL, and leaves it alone", async () => {
    const params = { teamId: world.teamId, ritualId: world.otherRitualId };
    expect(await statusOf(handlerOf(RITUAL_DELETE, "loader"), "owner", params)).toBe(404);
    expect(await statusOf(handlerOf(RITUAL_DELETE, "action"), "owner", params, {})).toBe(404);
    expect(await prisma.ritual.count({ where: { id: world.otherRitualId } })).toBe(1);
  });

  it("answers 404 for another team's ritual in the editor, the ritual page and its meetings, and changes nothing", async () => {
    const params = { teamId: world.teamId, ritualId: world.otherRitualId, start: "20260106T090000Z" };
    const pages = ["rituals.$ritualId._index", "rituals.$ritualId.edit", "rituals.$ritualId.meetings.$start"];
    for (const page of [...pages, "rituals.$ritualId.meetings.$start.notes[.]md"]) {
      expect(await statusOf(handlerOf(`teams.$teamId.${page}`, "loader"), "owner", params)).toBe(404);
    }
    expect(
      await statusOf(handlerOf("teams.$teamId.rituals.$ritualId.edit", "action"), "owner", params, {
        kind: "check-in",
        title: "Taken",
      }),
    ).toBe(404);
    for (const intent of ["cancel", "restore", "save-notes", "add-follow-up", "add-risk", "add-question", "share"]) {
      expect(
        await statusOf(handlerOf(MEETING_PAGE, "action"), "owner", params, { intent, title: "x", risk: "x" }),
      ).toBe(404);
    }
    expect(await prisma.notePage.count({ where: { meeting: { ritualId: world.otherRitualId } } })).toBe(0);
    const theirs = await prisma.ritual.findUniqueOrThrow({ where: { id: world.otherRitualId } });
    expect(theirs.title).toBe("Theirs check-in");
    expect(await prisma.meeting.count({ where: { ritualId: world.otherRitualId } })).toBe(0);
  });

  it("refuses owner-only writes to a member and lets the owner do them", async () => {
    const removeParams = { teamId: world.teamId, memberId: world.memberId };
    expect(await statusOf(handlerOf(MEMBER_REMOVE, "action"), "member", removeParams, {})).toBe(403);
    expect(
      await statusOf(
        handlerOf(RITUAL_DELETE, "action"),
        "member",
        { teamId: world.teamId, ritualId: world.ritualId },
        {},
      ),
    ).toBe(403);
    expect(await prisma.ritual.count({ where: { id: world.ritualId } })).toBe(1);

    expect(
      await statusOf(
        handlerOf(RITUAL_DELETE, "action"),
        "owner",
        { teamId: world.teamId, ritualId: world.ritualId },
        {},
      ),
    ).toBe(302);
    expect(await prisma.ritual.count({ where: { id: world.ritualId } })).toBe(0);
    expect(await statusOf(handlerOf(MEMBER_REMOVE, "action"), "owner", removeParams, {})).toBe(302);
    expect(await statusOf(handlerOf("teams.$teamId._index", "loader"), "member", { teamId: world.teamId })).toBe(404);
  });
});
