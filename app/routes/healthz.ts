import { databaseIsReachable } from "~/db.server";

/** For load balancers and uptime checks: 200 when the database answers, 503 when not. */
export async function loader() {
  const ok = await databaseIsReachable();
  return Response.json(
    { status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unreachable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
