import { databaseHealth } from "~/models/health.server";

/** For load balancers and uptime checks: 200 when the database answers and takes writes, 503 when not. */
export async function loader() {
  const database = await databaseHealth();
  const ok = database === "ok";
  return Response.json(
    { status: ok ? "ok" : "unavailable", database },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
