import { expect, it } from "vitest";

// The whole app on a PostgreSQL session that refuses writes, as a hot standby or a read-only role would.
const url = new URL(process.env.DATABASE_URL!);
url.searchParams.set("options", "-c default_transaction_read_only=on");
process.env.DATABASE_URL = url.href;
const { prisma } = await import("~/utils/db.server");
const { databaseHealth } = await import("~/models/health.server");
const { createTeam } = await import("~/models/team.server");

it("answers writes on a read-only PostgreSQL with a 503, reads still work, and the health check says it cannot write", async () => {
  const refused = await createTeam({ name: "During", timeZone: "Europe/Berlin" }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(Response);
  expect((refused as Response).status).toBe(503);
  expect(await prisma.team.count()).toBe(0);
  expect(await databaseHealth()).toBe("cannot-write");
});
