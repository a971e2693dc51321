import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/auth.server";
import { planningRequest } from "~/planning-request.server";
import { fieldsFromAddress, planRitual } from "~/ritual-editor.server";

/** The editor's live preview: the plan for the fields as typed, asked for while someone edits. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const { locale, t, planning, now } = await planningRequest(request, team.id);
  const { ritualId, ...fields } = fieldsFromAddress(request) ?? {};
  return planRitual(fields, {
    planning,
    ritualId: typeof ritualId === "string" ? ritualId : undefined,
    locale,
    t,
    now,
  });
}
