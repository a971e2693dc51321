/**
 * What the calendar route tests share: a team ("ours") with a weekly check-in
 * and a tea time, another team ("theirs") with a ritual ours must never see,
 * and a loader called as the framework calls it.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createRitual } from "~/models/ritual.server";
import { sessionCookie, signedUpUser, teamOwnedBy } from "./accounts";
import { hanbitTeaTime } from "./tea-time";

export async function calendarWorld() {
  const team = async (name: string) => {
    const user = await signedUpUser(`${name}@example.com`);
    return { user, ...(await teamOwnedBy(user, name)) };
  };
  const ours = await team("ours");
  const theirs = await team("theirs");
  const ritual = await createRitual(
    ours.teamId,
    { kind: "check-in", title: "Our check-in", timeZone: "Europe/Berlin", startTime: "10:00", startDate: "2026-01-06" },
    { hostIds: [ours.memberId] },
  );
  if (!ritual.ok) throw new Error("setup");
  const { teaTimeId } = await hanbitTeaTime(ours.teamId, ours.memberId, "2026-01-07");
  // Another team's ritual, in which "ours" takes no part.
  await createRitual(
    theirs.teamId,
    {
      kind: "happy-hour",
      title: "Their secret happy hour",
      timeZone: "Europe/Berlin",
      startTime: "16:00",
      startDate: "2026-01-09",
    },
    { hostIds: [theirs.memberId] },
  );
  return {
    teamId: ours.teamId,
    memberId: ours.memberId,
    ritualId: ritual.value.id,
    teaTimeId,
    cookie: await sessionCookie(ours.user.id),
  };
}

/** A loader's answer, or the Response it threw. */
export async function respond(
  loader: (args: LoaderFunctionArgs) => Promise<Response>,
  url: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  try {
    return await loader({ request: new Request(`http://localhost${url}`, { headers }), params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
