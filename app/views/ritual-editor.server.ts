import { randomUUID } from "node:crypto";
import { data, redirect } from "@remix-run/node";
import type { TFunction } from "i18next";
import { DateTime } from "luxon";
import { formatDay, formatTime } from "~/i18n/format";
import { busyInterval, overlaps, type Buffers, type Role } from "~/domain/buffers";
import { minutesToClock } from "~/domain/clock";
import { dayFromIso, isoWeekdayOf } from "~/domain/local-dates";
import { firstMeeting, type Interval } from "~/domain/recurrence";
import { ruleOf, validateRitual } from "~/domain/ritual";
import {
  draftFromFields,
  fieldsFromRitual,
  fieldsToSearch,
  RITUAL_LIST_FIELDS,
  type FormFields,
} from "~/domain/ritual-form";
import { RITUAL_KINDS, type RitualKind } from "~/domain/ritual-kinds";
import { previewMeetings, type PreviewMeeting, type PreviewPerson } from "~/domain/ritual-preview";
import { findSlots, proposeRotation, type SlotRequest, type SlotSuggestion } from "~/domain/slots";
import { busyByPerson } from "~/domain/week-schedule";
import { DAY } from "~/domain/durations";
import { timeZoneDatalist, weekdayOptions } from "~/views/form-options.server";
import { formValues, invalidForm, readForm } from "~/utils/form-values.server";
import type { TeamPlanning } from "~/models/planning.server";
import { fairnessRows } from "~/views/fairness.server";
import { chartsFor } from "~/views/overlap-chart";
import type { EditorOptions, PreviewMeetingView, RitualPlan, SuggestionView, WarningView } from "~/views/ritual-editor";
import { requestTranslation } from "~/i18n/i18next.server";
import type { RitualForm, SaveRitualOutcome } from "~/services/rituals.server";
import { ritualWarnings, type RitualWarning } from "~/domain/ritual-warnings";
import type { StoredMeeting } from "~/domain/series-edit";
import { notFound } from "~/utils/responses.server";

const WORKING_WEEK = [1, 2, 3, 4, 5];

/** What a meeting's preview is written with: the viewer's language, and when people are busy in their own calendars. */
interface PreviewContext {
  locale: string;
  t: TFunction;
  elsewhere?: ReadonlyMap<string, readonly Interval[]>;
  buffers: Buffers;
}

interface PlanContext {
  planning: TeamPlanning;
  ritualId?: string;
  /** The saved ritual's stored meetings, when editing one: what a rule change must carry along. */
  storedMeetings?: readonly StoredMeeting[];
  /** Each member's busy times in their own calendars. */
  elsewhere?: ReadonlyMap<string, readonly Interval[]>;
  locale: string;
  t: TFunction;
  now: number;
}

/** Everyone a draft invites, with their working hours: the team's hosts and participants, then the customer's contacts. */
export function draftPeople(fields: FormFields, planning: TeamPlanning): (PreviewPerson & { customer: boolean })[] {
  const { draft, people } = draftFromFields(fields);
  const hosts = new Set(people.hostIds);
  const members = planning.members
    .filter((member) => hosts.has(member.id) || people.participantIds.includes(member.id))
    .map((member) => ({ ...member, role: (hosts.has(member.id) ? "host" : "participant") as Role, customer: false }));
  const customer = planning.customers.find((c) => c.id === draft.customerId);
  const contacts = (customer?.contacts ?? [])
    .filter((contact) => people.contactIds.includes(contact.id))
    .map((contact) => ({ ...contact, role: "participant" as Role, customer: true }));
  return [...members, ...contacts];
}

/** One meeting as everyone sees it, written out in the viewer's language. */
export function previewMeetingView(
  meeting: PreviewMeeting,
  timeZone: string,
  people: readonly (PreviewPerson & { customer: boolean })[],
  { locale, t, elsewhere, buffers }: PreviewContext,
): PreviewMeetingView {
  const time = (instant: number, zone: string) => formatTime(instant, zone, locale);
  return {
    key: meeting.originalStart,
    when: `${formatDay(meeting.start, timeZone, locale)} · ${time(meeting.start, timeZone)}`,
    adjustment: meeting.adjustment,
    clockChange: meeting.clockChange
      ? t("editor.clockChange", {
          zone: meeting.clockChange.timeZone,
          date: formatDay(meeting.clockChange.at, meeting.clockChange.timeZone, locale),
        })
      : null,
    turnChanged: meeting.turnChanged,
    rows: meeting.rows.map((row, index) => {
      const person = people[index]!;
      return {
        personId: person.id,
        name: person.name,
        role: person.role,
        customer: person.customer,
        timeZone: person.timeZone,
        local: `${formatDay(meeting.start, person.timeZone, locale)} ${time(meeting.start, person.timeZone)}–${time(meeting.end, person.timeZone)}`,
        localStart: time(meeting.start, person.timeZone),
        dayShift: row.dayShift,
        minutesOutside: row.minutesOutside,
        minutesAtNight: row.minutesAtNight,
        dayOff: row.dayOff,
        shiftMinutes: row.shiftMinutes,
        busyElsewhere: (elsewhere?.get(person.id) ?? []).some((taken) =>
          overlaps(taken, busyInterval(meeting, person.role, buffers)),
        ),
      };
    }),
  };
}

/**
 * What the ritual editor shows beside the form for the fields as typed: the
 * next meetings in everyone's local time, and start times that suit everyone
 * (or a rotation when none does). Field errors instead when the draft is not valid.
 */
export function planRitual(
  fields: FormFields,
  { planning, ritualId, storedMeetings, elsewhere, locale, t, now }: PlanContext,
): RitualPlan {
  const { draft, people: chosen } = draftFromFields(fields);
  const parsed = validateRitual(draft);
  const people = draftPeople(fields, planning);
  const empty = {
    preview: [],
    charts: [],
    suggestions: [],
    rotation: null,
    noRotationReason: null,
    suggestionsChangeDay: false,
    warnings: [],
  };
  if (!parsed.success) return { errors: parsed.errors, ...empty };
  const rule = ruleOf(parsed.data);
  const savedRule = planning.rituals.find((saved) => saved.id === ritualId)?.rule;
  const warnings = ritualWarnings(
    parsed.data.kind,
    rule,
    savedRule && storedMeetings ? { rule: savedRule, meetings: storedMeetings } : null,
    { now, mailsCustomer: chosen.contactIds.length > 0 },
  ).map((warning) => warningView(warning, rule.timeZone, locale, t));
  if (people.length === 0) return { errors: {}, ...empty, warnings };

  const upcoming = previewMeetings(rule, rule, people, now);
  const preview = upcoming.map((meeting) =>
    previewMeetingView(meeting, rule.timeZone, people, { locale, t, elsewhere, buffers: rule }),
  );
  const charts = chartsFor(upcoming, rule, people, { locale, t, elsewhere });

  // Search the week from the next meeting (or the first, for a series that is over); a one-off or a
  // one-day-a-week ritual may move to another day.
  const weekStart = upcoming[0]?.localDate ?? firstMeeting(rule)?.localDate ?? rule.startDate;
  const changeDay = rule.frequency === "once" || (rule.frequency === "weekly" && rule.weekdays.length === 1);
  const weekdays = changeDay
    ? [...new Set([...WORKING_WEEK, isoWeekdayOf(dayFromIso(weekStart))])]
    : rule.frequency === "weekly"
      ? rule.weekdays
      : [isoWeekdayOf(dayFromIso(weekStart))];
  const searchFrom = DateTime.fromISO(weekStart, { zone: rule.timeZone }).toMillis();
  const busy = busyByPerson(planning.rituals, { from: searchFrom - DAY, to: searchFrom + 8 * DAY }, ritualId);
  const request: SlotRequest = {
    timeZone: rule.timeZone,
    weekStart,
    durationMinutes: rule.durationMinutes,
    goEarlyMinutes: rule.goEarlyMinutes,
    stayLateMinutes: rule.stayLateMinutes,
    weekdays,
    participants: people.map((person) => ({
      ...person,
      busy: [...(busy.get(person.id) ?? []), ...(elsewhere?.get(person.id) ?? [])],
    })),
  };
  const byId = new Map(people.map((person) => [person.id, person]));
  const suggestionView = (slot: SlotSuggestion): SuggestionView => {
    const startTime = DateTime.fromMillis(slot.start, { zone: rule.timeZone }).toFormat("HH:mm");
    // A suggestion that names a date starts a new series on it; a saved series keeps its first date.
    const dayChange: FormFields =
      rule.frequency === "once"
        ? { startDate: slot.localDate }
        : changeDay
          ? {
              weekdays: [String(isoWeekdayOf(dayFromIso(slot.localDate)))],
              ...(ritualId === undefined ? { startDate: slot.localDate } : {}),
            }
          : {};
    return {
      key: `${slot.start}`,
      label: changeDay
        ? `${formatDay(slot.start, rule.timeZone, locale)} ${formatTime(slot.start, rule.timeZone, locale)}`
        : formatTime(slot.start, rule.timeZone, locale),
      outside: slot.outside.map((entry) => {
        const person = byId.get(entry.personId)!;
        if (entry.atNight > 0) {
          return t("editor.atNightFor", { name: person.name, time: formatTime(slot.start, person.timeZone, locale) });
        }
        return entry.dayOff
          ? t("editor.dayOffFor", { name: person.name, day: formatDay(slot.start, person.timeZone, locale) })
          : t("editor.outsideFor", { name: person.name, count: entry.minutes });
      }),
      search: fieldsToSearch(fields, { startTime, ...dayChange }),
    };
  };
  const slots = findSlots(request, 40);
  const seenTimes = new Set<number>();
  const suggestions = (slots.success ? slots.data : [])
    .filter((slot) => changeDay || (!seenTimes.has(slot.localStartMinutes) && seenTimes.add(slot.localStartMinutes)))
    .slice(0, 6)
    .map(suggestionView);
  // A rotation changes the time only: its turns fall on the ritual's own day, one period after another.
  const rotation =
    rule.frequency === "once" ? null : proposeRotation({ ...request, weekdays: [isoWeekdayOf(dayFromIso(weekStart))] });
  const clock = (slot: SlotSuggestion) => minutesToClock(slot.localStartMinutes);
  const rotates = rotation?.success && rotation.data && rotation.data.slots.length > 1;
  const nightAtEveryTime = slots.success && slots.data.length > 0 && slots.data.every((slot) => slot.peopleAtNight > 0);
  return {
    errors: {},
    preview,
    charts,
    suggestions,
    suggestionsChangeDay: changeDay,
    warnings,
    noRotationReason:
      nightAtEveryTime && !rotates
        ? t(rule.frequency === "once" ? "editor.noRotationOnce" : "editor.noRotationFairer")
        : null,
    rotation:
      rotates && rotation.data
        ? {
            slots: rotation.data.slots.map(suggestionView),
            tally: fairnessRows(rotation.data.tally, people),
            search: fieldsToSearch(fields, {
              startTime: clock(rotation.data.slots[0]!),
              rotationTimes: rotation.data.slots.slice(1).map(clock).join(", "),
            }),
          }
        : null,
  };
}

/** A warning written out: what is wrong, what it touches, and what confirming it means. */
function warningView(warning: RitualWarning, timeZone: string, locale: string, t: TFunction): WarningView {
  if (warning.key === "length") {
    return {
      key: warning.key,
      message: t("editor.lengthWarning", {
        kind: t(`kind.${warning.kind}`),
        count: warning.minutes,
        usual: warning.usual,
      }),
      items: [],
      confirm: t("editor.lengthConfirm", { count: warning.minutes }),
    };
  }
  if (warning.key === "soon") {
    return {
      key: warning.key,
      message: t("editor.soonWarning", {
        when: `${formatDay(warning.start, timeZone, locale)} ${formatTime(warning.start, timeZone, locale)}`,
      }),
      items: [],
      confirm: t("editor.soonConfirm"),
    };
  }
  return {
    key: warning.key,
    message: t("editor.orphansWarning", { count: warning.orphans.length }),
    items: warning.orphans.map((meeting) => {
      const what = [
        ...(meeting.status === "moved" ? [t("editor.orphanMoved")] : []),
        ...(meeting.status === "cancelled" ? [t("editor.orphanCancelled")] : []),
        ...(meeting.hasNotes ? [t("editor.orphanNotes")] : []),
      ];
      return `${formatDay(meeting.originalStart, timeZone, locale)} ${formatTime(meeting.originalStart, timeZone, locale)}: ${what.join("; ")}`;
    }),
    confirm: t("editor.orphansConfirm"),
  };
}

/** The editor's fields for one of the team's saved rituals. */
export function fieldsOfSavedRitual(planning: TeamPlanning, ritualId: string): FormFields | null {
  const saved = planning.rituals.find((ritual) => ritual.id === ritualId);
  if (!saved) return null;
  const memberIds = new Set(planning.members.map((member) => member.id));
  const ids = (wanted: (a: { personId: string; role: Role }) => boolean) =>
    saved.attendees.filter(wanted).map((a) => a.personId);
  return fieldsFromRitual(
    saved.ritual,
    {
      hostIds: ids((a) => a.role === "host"),
      participantIds: ids((a) => a.role === "participant" && memberIds.has(a.personId)),
      contactIds: ids((a) => !memberIds.has(a.personId)),
    },
    saved.customerId,
  );
}

/** What the editor page needs besides the fields: the people to pick from and the pickers' options. */

function editorOptions(planning: TeamPlanning, locale: string, t: TFunction): EditorOptions {
  return {
    members: planning.members.map(({ id, name, timeZone }) => ({ id, name, timeZone })),
    customers: planning.customers.map((customer) => ({
      id: customer.id,
      name: customer.name,
      contacts: customer.contacts.map(({ id, name, timeZone }) => ({ id, name, timeZone })),
    })),
    zones: timeZoneDatalist(),
    weekdays: weekdayOptions(locale),
    kindTitles: Object.fromEntries(RITUAL_KINDS.map((kind) => [kind, t(`kind.${kind}`)])) as Record<RitualKind, string>,
  };
}

/** The posted editor form: what was typed (to show again), and what saving it takes. */
export async function readRitualForm(request: Request): Promise<{ values: FormFields; form: RitualForm }> {
  const values = formValues(await readForm(request), [...RITUAL_LIST_FIELDS, "confirm"]);
  const { draft, people } = draftFromFields(values);
  const creationToken = typeof values.creationToken === "string" ? values.creationToken.slice(0, 100) : "";
  return {
    values,
    form: { draft, people, confirmed: [values.confirm ?? []].flat(), creationToken: creationToken || undefined },
  };
}

/**
 * What the editor's save answers: the ritual's page once saved, otherwise the
 * form as typed with its errors, or with the warnings still to confirm.
 */
export async function ritualSaveReply(
  outcome: SaveRitualOutcome,
  values: FormFields,
  request: Request,
  teamId: string,
) {
  switch (outcome.status) {
    case "unknown":
      throw notFound();
    case "invalid":
      return invalidForm(outcome.errors, values);
    case "unconfirmed": {
      // The warnings travel with the reply: without JavaScript, nothing else shows them for what was typed.
      const { locale, t } = await requestTranslation(request);
      const warnings = outcome.warnings.map((warning) => warningView(warning, outcome.timeZone, locale, t));
      return data({ errors: { confirm: "validation.confirmWarnings" }, values, warnings }, { status: 400 });
    }
    case "saved":
      throw redirect(`/teams/${teamId}/rituals/${outcome.ritualId}`);
  }
}

/**
 * What the editor page shows: the fields (as the address gave them, or the
 * saved or default ones), their plan, and the pickers' options. Field errors
 * only once someone asked for a preview; a fresh form is not wrong yet.
 */
export function editorPage(request: Request, initial: FormFields, context: PlanContext) {
  const given = fieldsFromAddress(request);
  const fields = given ?? initial;
  const plan = planRitual(fields, context);
  return {
    fields,
    errors: given ? plan.errors : {},
    plan,
    options: editorOptions(context.planning, context.locale, context.t),
    /** Sent back with the form, so sending it twice (a double click, a resend) creates one ritual. */
    creationToken: randomUUID(),
  };
}

/** Fields the editor was given in its address: a "preview" submitted without JavaScript, or a picked suggestion. */
export function fieldsFromAddress(request: Request): FormFields | null {
  const params = new URL(request.url).searchParams;
  if (!params.has("startTime")) return null;
  // A form's token belongs to that form only; the page shown next makes its own.
  params.delete("creationToken");
  return formValues(params, RITUAL_LIST_FIELDS);
}
