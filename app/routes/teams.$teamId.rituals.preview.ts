import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/utils/auth.server";
import { listStoredMeetings } from "~/models/ritual.server";
import { editorRequest } from "~/services/planning-request.server";
import { fieldsFromAddress, planRitual } from "~/views/ritual-editor.server";

/** The editor's live preview: the plan for the fields as typed, asked for while someone edits. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const { locale, t, planning, elsewhere, now } = await editorRequest(request, team.id);
  const { ritualId, ...fields } = fieldsFromAddress(request) ?? {};
  // Only one of the team's own rituals: its id came from the address.
  const saved = planning.rituals.find((ritual) => ritual.id === ritualId);
  return planRitual(fields, {
    planning,
    ritualId: saved?.id,
    storedMeetings: saved ? await listStoredMeetings(saved.id) : undefined,
    elsewhere,
    locale,
    t,
    now,
  });
}
