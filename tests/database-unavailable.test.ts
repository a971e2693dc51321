import { afterEach, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "~/db-unavailable.server";
import { databaseHealth, prisma } from "~/db.server";
import { createTeam, listMembers } from "~/models/team.server";
import { loader as healthz } from "~/routes/healthz";

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

  it("is reported by the health check, which writes a probe and rolls it back", async () => {
    expect(await databaseHealth()).toBe("ok");
    await readOnly(true);
    expect(await databaseHealth()).toBe("read-only");
    const response = await healthz();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "read-only" });
    await readOnly(false);
    expect((await healthz()).status).toBe(200);
    expect(await prisma.signInThrottle.count({ where: { key: { contains: "health-probe" } } })).toBe(0);
  });

  it("tells such errors from the rest", () => {
    expect(isDatabaseUnavailable(new Error("SQLITE_READONLY: attempt to write a readonly database"))).toBe(true);
    expect(isDatabaseUnavailable({ message: "wrapped", cause: { code: "SQLITE_BUSY" } })).toBe(true);
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);
  });
});
