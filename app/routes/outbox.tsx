import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/utils/auth.server";
import { listTeamsForUser } from "~/models/team.server";

/** The outbox of the signed-in person's team. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [team] = await listTeamsForUser(user.id);
  throw redirect(team ? `/teams/${team.id}/outbox` : "/teams/new");
}
