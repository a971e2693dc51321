import { requestTranslation } from "~/i18n/i18next.server";
import { busyElsewhere } from "~/models/busy-source.server";
import { keptBusyWindow } from "~/services/busy-sources.server";
import { loadTeamPlanning } from "~/models/planning.server";

/** What every planning page starts from: the viewer's language, the team's people and rituals, and now. */
export async function planningRequest(request: Request, teamId: string) {
  const now = Date.now();
  const [{ locale, t }, planning] = await Promise.all([requestTranslation(request), loadTeamPlanning(teamId, now)]);
  return { locale, t, planning, now };
}

/** What the ritual editor starts from: the planning, and when each member is busy in their own calendars. */
export async function editorRequest(request: Request, teamId: string) {
  const planned = await planningRequest(request, teamId);
  const elsewhere = await busyElsewhere(
    planned.planning.members.map((member) => member.id),
    keptBusyWindow(planned.now),
  );
  return { ...planned, elsewhere };
}
