import { requestTranslation } from "~/i18n/i18next.server";
import { loadTeamPlanning } from "~/models/planning.server";

/** What every planning page starts from: the viewer's language, the team's people and rituals, and now. */
export async function planningRequest(request: Request, teamId: string) {
  const now = Date.now();
  const [{ locale, t }, planning] = await Promise.all([requestTranslation(request), loadTeamPlanning(teamId, now)]);
  return { locale, t, planning, now };
}
