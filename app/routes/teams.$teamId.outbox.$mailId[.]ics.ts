import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/utils/auth.server";
import { calendarResponse } from "~/calendar/calendar-response.server";
import { getMail } from "~/models/mail.server";
import { notFound } from "~/utils/responses.server";

/** A sent mail's calendar attachment, exactly as it went out. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const mail = await getMail(team.id, params.mailId ?? "", { memberId: member.id, isOwner: member.role === "owner" });
  if (!mail?.calendar) throw notFound();
  return calendarResponse(mail.calendar, "invite.ics");
}
