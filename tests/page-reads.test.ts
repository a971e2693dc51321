import { describe, expect, it, vi } from "vitest";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { loader as rootLoader } from "~/root";
import { loader as teamLoader } from "~/routes/teams.$teamId";
import { loader as scheduleLoader } from "~/routes/teams.$teamId.schedule";
import * as sessions from "~/models/session.server";
import type * as teams from "~/models/team.server";
import { sessionCookie, signedUpUser, teamOwnedBy } from "./support/accounts";

/** How often the session and the membership were read from the database. */
const reads = vi.hoisted(() => ({ sessions: 0, memberships: 0 }));

vi.mock("~/models/session.server", async (original) => {
  const actual = await original<typeof sessions>();
  return {
    ...actual,
    sessionUser: (...args: Parameters<typeof actual.sessionUser>) => (reads.sessions++, actual.sessionUser(...args)),
  };
});
vi.mock("~/models/team.server", async (original) => {
  const actual = await original<typeof teams>();
  return {
    ...actual,
    getMembership: (...args: Parameters<typeof actual.getMembership>) => (
      reads.memberships++,
      actual.getMembership(...args)
    ),
  };
});

/** The loaders of one page, as the framework runs them: at once, each on its own copy of the request. */
function loadPage(request: Request, teamId: string) {
  const args = (): LoaderFunctionArgs => ({ request: new Request(request), params: { teamId }, context: {} });
  return Promise.all([rootLoader(args()), teamLoader(args()), scheduleLoader(args())]);
}

describe("who asks, read once a page", () => {
  it("reads the session and the membership once for all of a page's loaders, and again for the next page", async () => {
    const owner = await signedUpUser("reads-once@crew.example");
    const { teamId } = await teamOwnedBy(owner, "Once");
    const cookie = await sessionCookie(owner.id);
    const page = () => new Request(`http://localhost/teams/${teamId}/schedule`, { headers: { Cookie: cookie } });
    reads.sessions = reads.memberships = 0;

    const [root, team] = await loadPage(page(), teamId);
    expect(root.user?.name).toBe(owner.name);
    expect(team.team.id).toBe(teamId);
    expect(reads).toEqual({ sessions: 1, memberships: 1 });

    // The next request reads again: a session ended meanwhile signs nobody in.
    await sessions.revokeAllSessions(owner.id);
    const signedOut = await loadPage(page(), teamId).catch((thrown: unknown) => thrown);
    expect(signedOut).toBeInstanceOf(Response);
    expect((signedOut as Response).headers.get("Location")).toMatch(/^\/sign-in\?/);
    expect(reads.sessions).toBe(2);
  });
});
