import type { TFunction } from "i18next";
import { DateTime } from "luxon";
import { formatTime } from "~/i18n/format";
import { meetingKey } from "~/domain/meeting-key";
import { isValidTimeZone, resolveTimeZone } from "~/domain/time-zones";
import { localDate } from "~/domain/fields";
import { localToday } from "~/domain/local-dates";
import { mondayOf, shiftWeek, weekSchedule, type WeekItem } from "~/domain/week-schedule";
import type { TeamPlanning } from "~/models/planning.server";
import { hoursMark, type HoursMark } from "~/domain/working-hours";
import { overlaps } from "~/domain/buffers";
import type { Interval } from "~/domain/recurrence";
import { awayAtMeeting } from "~/domain/days-off";

export interface ScheduleItemView {
  key: string;
  ritualId: string;
  meeting: string;
  title: string;
  kind: string;
  time: string;
  status: WeekItem["status"];
  role: WeekItem["role"];
  goEarly: string | null;
  stayLate: string | null;
  conflicts: string[];
  adjusted: boolean;
  /** For the member shown: their own calendar has them busy then. */
  busyElsewhere: boolean;
  /** For the member shown: whether it is in their night, on their day off, or outside their hours. */
  hours: HoursMark | null;
  /** Who on it is away then, of how many invited: "3 of 5 away". */
  away: { names: string[]; of: number };
}

export interface ScheduleDayView {
  date: string;
  label: string;
  isToday: boolean;
  items: ScheduleItemView[];
}

/** Who or where the schedule is for, as asked in the address; anything unknown falls back to the viewer. */
export interface ScheduleQuery {
  memberId: string | null;
  zone: string | null;
  week: string | null;
}

export function scheduleQuery(request: Request): ScheduleQuery {
  const params = new URL(request.url).searchParams;
  return { memberId: params.get("member"), zone: params.get("zone"), week: params.get("week") };
}

/**
 * One week of the team's meetings as the schedule page shows it: for a member
 * (theirs, with buffers where they host and conflicts) or for a whole zone.
 */
export function buildSchedule(
  planning: TeamPlanning,
  query: ScheduleQuery,
  viewer: { memberId: string; timeZone: string },
  {
    locale,
    t,
    now,
    elsewhere,
  }: { locale: string; t: TFunction; now: number; elsewhere?: ReadonlyMap<string, readonly Interval[]> },
) {
  const errors: Record<string, string> = {};
  // "Seoul" as well as "Asia/Seoul", as in every other zone field.
  const zoneAsked = query.zone?.trim() ? resolveTimeZone(query.zone) : null;
  if (zoneAsked && !isValidTimeZone(zoneAsked)) errors.zone = "validation.timeZoneUnknown";
  const member =
    zoneAsked && !errors.zone
      ? null
      : (planning.members.find((m) => m.id === (query.memberId ?? viewer.memberId)) ??
        planning.members.find((m) => m.id === viewer.memberId)!);
  const timeZone = member?.timeZone ?? zoneAsked!;
  const today = localToday(timeZone, now);
  const week = localDate.safeParse(query.week ?? "");
  if (query.week && !week.success) errors.week = "validation.dateInvalid";
  const weekStart = mondayOf(week.success ? week.data : today);

  const days = weekSchedule({ timeZone, weekStart, personId: member?.id ?? null }, planning.rituals);
  const rituals = new Map(planning.rituals.map((r) => [r.id, r.ritual]));
  const attendeeIds = new Map(planning.rituals.map((r) => [r.id, r.attendees.map((a) => a.personId)]));
  const members = new Map(planning.members.map((m) => [m.id, m]));
  const time = (instant: number) => formatTime(instant, timeZone, locale);
  const dayViews: ScheduleDayView[] = days.map((day) => ({
    date: day.date,
    label: DateTime.fromISO(day.date, { locale }).toLocaleString({ weekday: "short", day: "numeric" }),
    isToday: day.date === today,
    items: day.items.map((item) => {
      const ritual = rituals.get(item.ritualId)!;
      return {
        key: `${item.ritualId}@${item.originalStart}`,
        ritualId: item.ritualId,
        meeting: meetingKey(item.originalStart),
        title: ritual.title,
        kind: ritual.kind,
        time: `${time(item.start)}–${time(item.end)}`,
        status: item.status,
        role: item.role,
        goEarly: item.goEarly ? time(item.goEarly.start) : null,
        stayLate: item.stayLate ? time(item.stayLate.end) : null,
        conflicts: item.conflictsWith.map((other) => rituals.get(other.ritualId)?.title ?? ""),
        adjusted: item.adjustment !== null,
        // Their own calendar has them busy then (never with what), buffers included where they host.
        busyElsewhere:
          member !== null &&
          item.status !== "cancelled" &&
          (elsewhere?.get(member.id) ?? []).some((taken) =>
            overlaps(taken, { start: item.goEarly?.start ?? item.start, end: item.stayLate?.end ?? item.end }),
          ),
        // Their own time in it, buffers included where they host.
        hours:
          member && item.status !== "cancelled"
            ? hoursMark(member, { start: item.goEarly?.start ?? item.start, end: item.stayLate?.end ?? item.end })
            : null,
        away:
          item.status === "cancelled"
            ? { names: [], of: 0 }
            : awayAtMeeting(attendeeIds.get(item.ritualId) ?? [], members, item),
      };
    }),
  }));
  const first = DateTime.fromISO(weekStart, { locale });
  return {
    errors,
    timeZone,
    member: member ? { id: member.id, name: member.name, isViewer: member.id === viewer.memberId } : null,
    zone: member ? null : timeZone,
    weekStart,
    weekLabel: `${first.toLocaleString(DateTime.DATE_MED)} – ${first.plus({ days: 6 }).toLocaleString(DateTime.DATE_MED)}`,
    previousWeek: shiftWeek(weekStart, -1),
    nextWeek: shiftWeek(weekStart, 1),
    thisWeek: mondayOf(today),
    days: dayViews,
    empty: dayViews.every((day) => day.items.length === 0),
    members: planning.members.map(({ id, name }) => ({ id, name })),
    title: member
      ? member.id === viewer.memberId
        ? t("schedule.myWeek")
        : t("schedule.memberWeek", { name: member.name })
      : t("schedule.zoneWeek", { zone: timeZone }),
  };
}
