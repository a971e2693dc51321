import { DAY } from "./durations";
import { expandValidRule, type RecurrenceRule } from "./recurrence";
import { PURPOSEFUL_LENGTH, RITUAL_DEFAULTS, type RitualKind } from "./ritual-kinds";
import { planSeriesEdit, type StoredMeeting } from "./series-edit";

/** Something the user must confirm before a ritual is saved; `key` is what the confirmation sends back. */
export type RitualWarning =
  | { key: "length"; kind: RitualKind; minutes: number; usual: number }
  | { key: "orphans"; orphans: StoredMeeting[] }
  /** The customer's contacts would be mailed about a meeting less than a day away. */
  | { key: "soon"; start: number };

/** What a saved ritual's edit must account for: its rule as stored and the meetings it keeps. */
export interface SavedSeries {
  rule: RecurrenceRule;
  meetings: readonly StoredMeeting[];
}

/** When the ritual is saved, and whether the customer's contacts are on it (they are mailed its invite). */
export interface SaveMoment {
  now: number;
  mailsCustomer: boolean;
}

/**
 * What a user should see and confirm before saving a valid ritual: a length far
 * outside the kind's purpose, (for an edit) moved or cancelled meetings and
 * notes that the new rule has no place for, and a customer mailed about a
 * meeting less than a day away (a new one, or one the save moves).
 */
export function ritualWarnings(
  kind: RitualKind,
  rule: RecurrenceRule,
  saved: SavedSeries | null,
  { now, mailsCustomer }: SaveMoment,
): RitualWarning[] {
  const warnings: RitualWarning[] = [];
  const range = PURPOSEFUL_LENGTH[kind];
  if (rule.durationMinutes < range.min || rule.durationMinutes > range.max) {
    warnings.push({ key: "length", kind, minutes: rule.durationMinutes, usual: RITUAL_DEFAULTS[kind].durationMinutes });
  }
  if (saved) {
    const { orphaned } = planSeriesEdit(saved.rule, rule, saved.meetings);
    // A restored meeting's bare row (no change, no notes) is nothing the user decided.
    const lost = orphaned.filter((meeting) => meeting.hasNotes || meeting.status !== "scheduled");
    if (lost.length > 0) warnings.push({ key: "orphans", orphans: lost });
  }
  if (mailsCustomer) {
    const nextDay = { from: now, to: now + DAY };
    const [next] = expandValidRule(rule, nextDay);
    const [before] = saved ? expandValidRule(saved.rule, nextDay) : [];
    if (next && next.start !== before?.start) warnings.push({ key: "soon", start: next.start });
  }
  return warnings;
}

/** The warnings the user has not confirmed yet. */
export function unconfirmed(warnings: readonly RitualWarning[], confirmed: readonly string[]): RitualWarning[] {
  return warnings.filter((warning) => !confirmed.includes(warning.key));
}
