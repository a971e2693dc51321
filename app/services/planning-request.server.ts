import { DAY } from "~/domain/durations";
import { requestTranslation } from "~/i18n/i18next.server";
import { busyElsewhere } from "~/models/busy-source.server";
import { loadTeamPlanning } from "~/models/planning.server";

/**
 * What every planning page starts from: the viewer's language, the team's
 * people and rituals, when each member is busy in their own calendars
 * (a week back to half a year ahead), and now.
 */
export async function planningRequest(request: Request, teamId: string) {
  const now = Date.now();
  const [{ locale, t }, planning] = await Promise.all([requestTranslation(request), loadTeamPlanning(teamId, now)]);
  const elsewhere = await busyElsewhere(
    planning.members.map((member) => member.id),
    { from: now - 7 * DAY, to: now + 182 * DAY },
  );
  return { locale, t, planning, elsewhere, now };
}
