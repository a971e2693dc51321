import { minutesToClock } from "./clock";
import type { Ritual, RitualDraft } from "./ritual";
import { RITUAL_DEFAULTS, RITUAL_KINDS, type RitualKind } from "./ritual-kinds";

/** A form as submitted or shown again: one string per field, or every value of a checkbox group. */
export type FormFields = Record<string, string | string[]>;

/** The ritual editor's checkbox groups. */
export const RITUAL_LIST_FIELDS = ["weekdays", "hostIds", "participantIds", "contactIds"] as const;

/** Who takes part, as the ritual editor names them. */
export interface RitualPeopleFields {
  hostIds: string[];
  participantIds: string[];
  contactIds: string[];
}

/** One field's value as typed ("" when absent). */
export function text(fields: FormFields, name: string): string {
  const value = fields[name];
  return typeof value === "string" ? value : "";
}

/** Every value of a checkbox group (a lone value counts as one). */
export function list(fields: FormFields, name: string): string[] {
  const value = fields[name];
  return Array.isArray(value) ? value : typeof value === "string" && value !== "" ? [value] : [];
}

export function ritualKindOf(value: unknown): RitualKind {
  return (RITUAL_KINDS as readonly unknown[]).includes(value) ? (value as RitualKind) : "check-in";
}

/**
 * The editor's fields as a draft for validation. Radio choices decide which
 * of the alternative fields count: how a series ends, and how a monthly one repeats.
 */
export function draftFromFields(fields: FormFields): { draft: RitualDraft; people: RitualPeopleFields } {
  const frequency = text(fields, "frequency");
  const ends = text(fields, "ends");
  const byWeekday = text(fields, "monthlyBy") === "weekday";
  const monthly = frequency === "monthly";
  const optional = (name: string, when: boolean) => (when ? text(fields, name) : undefined);
  const draft: RitualDraft = {
    kind: ritualKindOf(text(fields, "kind")),
    title: text(fields, "title"),
    timeZone: text(fields, "timeZone"),
    startTime: text(fields, "startTime"),
    rotationTimes: optional("rotationTimes", frequency !== "once"),
    durationMinutes: text(fields, "durationMinutes"),
    frequency: frequency as RitualDraft["frequency"],
    interval: frequency === "once" ? "1" : text(fields, "interval"),
    weekdays: frequency === "weekly" ? list(fields, "weekdays") : [],
    monthDay: optional("monthDay", monthly && !byWeekday),
    monthWeek: optional("monthWeek", monthly && byWeekday),
    monthWeekday: optional("monthWeekday", monthly && byWeekday),
    startDate: text(fields, "startDate"),
    untilDate: optional("untilDate", frequency !== "once" && ends === "until"),
    count: optional("count", frequency !== "once" && ends === "count"),
    goEarlyMinutes: text(fields, "goEarlyMinutes"),
    stayLateMinutes: text(fields, "stayLateMinutes"),
    agendaTemplate: text(fields, "agendaTemplate"),
    videoUrl: text(fields, "videoUrl"),
    customerId: text(fields, "customerId"),
  };
  return {
    draft,
    people: {
      hostIds: list(fields, "hostIds"),
      participantIds: list(fields, "participantIds"),
      // Contacts only come with a customer: a check-in keeps none.
      contactIds: draft.customerId ? list(fields, "contactIds") : [],
    },
  };
}

/** The editor's fields for a saved ritual. */
export function fieldsFromRitual(ritual: Ritual, people: RitualPeopleFields, customerId: string | null): FormFields {
  return {
    kind: ritual.kind,
    title: ritual.title,
    timeZone: ritual.timeZone,
    startTime: minutesToClock(ritual.startMinutes),
    rotationTimes: ritual.rotationStarts.slice(1).map(minutesToClock).join(", "),
    durationMinutes: String(ritual.durationMinutes),
    frequency: ritual.frequency,
    interval: String(ritual.interval),
    weekdays: ritual.weekdays.map(String),
    monthlyBy: ritual.monthWeek !== null ? "weekday" : "day",
    monthDay: ritual.monthDay === null ? "" : String(ritual.monthDay),
    monthWeek: ritual.monthWeek === null ? "1" : String(ritual.monthWeek),
    monthWeekday: ritual.monthWeekday === null ? "1" : String(ritual.monthWeekday),
    startDate: ritual.startDate,
    ends: ritual.untilDate ? "until" : ritual.count ? "count" : "never",
    untilDate: ritual.untilDate ?? "",
    count: ritual.count === null ? "" : String(ritual.count),
    goEarlyMinutes: String(ritual.goEarlyMinutes),
    stayLateMinutes: String(ritual.stayLateMinutes),
    agendaTemplate: ritual.agendaTemplate,
    videoUrl: ritual.videoUrl,
    customerId: customerId ?? "",
    ...people,
  };
}

/** A new ritual of a kind: its defaults from the practices, the rest from the team. */
export function fieldsForNewRitual(
  kind: RitualKind,
  context: {
    title: string;
    timeZone: string;
    startDate: string;
    hostId: string;
    memberIds: string[];
    customer: { id: string; timeZone: string; contactIds: string[] } | null;
  },
): FormFields {
  const defaults = RITUAL_DEFAULTS[kind];
  const withCustomer = kind === "tea-time" && context.customer;
  return {
    kind,
    title: context.title,
    // A tea time keeps to the customer's clock: their time is the one to respect.
    timeZone: withCustomer ? context.customer!.timeZone : context.timeZone,
    startTime: kind === "happy-hour" ? "16:00" : "10:00",
    rotationTimes: "",
    durationMinutes: String(defaults.durationMinutes),
    frequency: defaults.frequency,
    interval: String(defaults.interval),
    weekdays: defaults.weekdays.map(String),
    monthlyBy: "day",
    monthDay: "",
    monthWeek: "1",
    monthWeekday: "1",
    startDate: context.startDate,
    ends: "never",
    untilDate: "",
    count: "",
    goEarlyMinutes: String(defaults.goEarlyMinutes),
    stayLateMinutes: String(defaults.stayLateMinutes),
    agendaTemplate: "",
    videoUrl: "",
    customerId: withCustomer ? context.customer!.id : "",
    hostIds: [context.hostId],
    // Team rituals invite the whole team; a tea time starts with the host and the customer's people.
    participantIds: kind === "tea-time" ? [] : context.memberIds.filter((id) => id !== context.hostId),
    contactIds: withCustomer ? context.customer!.contactIds : [],
  };
}

/** The fields as a query string, for links that fill the form in without JavaScript. */
export function fieldsToSearch(fields: FormFields, changes: FormFields = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...fields, ...changes })) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
  }
  return params.toString();
}
