import { afterEach, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "~/utils/db-unavailable.server";
import { databaseHealth } from "~/models/health.server";
import { prisma } from "~/utils/db.server";
import { createTeam } from "~/models/team.server";
import { listMembers } from "~/models/member.server";
import { loader as healthz } from "~/routes/healthz";
import { action as newTeamAction } from "~/routes/teams.new";
import { createSession, SESSION_DAYS, sessionUser } from "~/models/session.server";
import { DAY } from "~/domain/durations";
import { sessionCookie, signedUpUser, teamOwnedBy } from "./support/accounts";
import { rotateFeedToken } from "~/models/calendar-feed.server";
import { createRitual } from "~/models/ritual.server";
import { loader as feedLoader } from "~/routes/feeds.$token[.]ics";

/** Signing in writes a session: done before the database turns read-only. */
async function sessionCookieWhileWritable(userId: string) {
  await readOnly(false);
  const cookie = await sessionCookie(userId);
  await readOnly(true);
  return cookie;
}

/** SQLite's own switch for a database that refuses writes, as a read-only file or mount would. */
const readOnly = (on: boolean) => prisma.$executeRawUnsafe(`PRAGMA query_only = ${on ? "ON" : "OFF"}`);

describe("a database that cannot take writes", () => {
  afterEach(() => readOnly(false));

  it("answers writes with a 503 that says saving is unavailable, and keeps what was saved", async () => {
    const saved = await createTeam({ name: "Before", timeZone: "Europe/Berlin" });
    if (!saved.ok) throw new Error("setup");
    await readOnly(true);
    const refused = await createTeam({ name: "During", timeZone: "Europe/Berlin" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(503);
    expect(await (refused as Response).text()).toContain("Saving is unavailable");
    // Reading still works: nothing already saved is lost.
    expect(await listMembers(saved.value.id)).toEqual([]);
    await readOnly(false);
    expect(await prisma.team.count({ where: { name: "During" } })).toBe(0);
    expect(await prisma.team.count({ where: { name: "Before" } })).toBe(1);
  });

  it("still serves a feed that changed, which it cannot store", async () => {
    const owner = await signedUpUser("feed-unavailable@example.com");
    const { teamId, memberId } = await teamOwnedBy(owner, "Feeds while read-only");
    const token = await rotateFeedToken(memberId);
    const poll = () =>
      feedLoader({ request: new Request(`http://localhost/feeds/${token}.ics`), params: { token }, context: {} });
    expect(await (await poll()).text()).not.toContain("Standup");
    const ritual = await createRitual(
      teamId,
      { kind: "check-in", title: "Standup", timeZone: "Europe/Berlin", startTime: "09:00", startDate: "2026-01-05" },
      { hostIds: [memberId] },
    );
    if (!ritual.ok) throw new Error("setup");
    await readOnly(true);
    const response = await poll();
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("SUMMARY:Standup");
  });

  it("is reported by the health check, which commits a one-row probe", async () => {
    expect(await databaseHealth()).toBe("ok");
    await readOnly(true);
    expect(await databaseHealth()).toBe("cannot-write");
    const response = await healthz();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "cannot-write" });
    await readOnly(false);
    expect((await healthz()).status).toBe(200);
  });

  it("sends a form back as it was typed, with the reason beside it, when saving is unavailable", async () => {
    const owner = await signedUpUser("unavailable@example.com");
    const body = new URLSearchParams({
      teamName: "Night owls",
      teamTimeZone: "Asia/Seoul",
      name: "Owl",
      timeZone: "Asia/Seoul",
      workStart: "09:00",
      workEnd: "18:00",
      workDays: "1",
    });
    await readOnly(true);
    const request = new Request("http://localhost/teams/new", {
      method: "POST",
      headers: {
        Cookie: await sessionCookieWhileWritable(owner.id),
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body,
    });
    const reply = (await newTeamAction({ request, params: {}, context: {} })) as unknown as {
      init: { status: number };
      data: { errors: Record<string, string>; values: Record<string, string> };
    };
    expect(reply.init.status).toBe(503);
    expect(reply.data.errors).toEqual({ form: "errors.unavailableBody" });
    expect(reply.data.values).toMatchObject({ teamName: "Night owls", timeZone: "Asia/Seoul" });
  });

  it("still signs in someone whose session's new end cannot be written", async () => {
    const user = await signedUpUser("read-only-session@example.com");
    const start = Date.parse("2026-11-23T12:00:00Z");
    const token = await createSession(user.id, start);
    await readOnly(true);
    expect((await sessionUser(token, start + 3 * DAY))?.id).toBe(user.id);
    await readOnly(false);
    // The end was not moved: it comes when first set.
    expect(await sessionUser(token, start + SESSION_DAYS * DAY + 1)).toBeNull();
  });

  it("tells such errors from the rest", () => {
    expect(isDatabaseUnavailable(new Error("SQLITE_READONLY: attempt to write a readonly database"))).toBe(true);
    expect(isDatabaseUnavailable({ message: "wrapped", cause: { code: "SQLITE_BUSY" } })).toBe(true);
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);
  });
});
