import type { RecurrenceRule } from "./recurrence";
import { PURPOSEFUL_LENGTH, RITUAL_DEFAULTS, type RitualKind } from "./ritual-kinds";
import { planSeriesEdit, type StoredMeeting } from "./series-edit";

/** Something the user must confirm before a ritual is saved; `key` is what the confirmation sends back. */
export type RitualWarning =
  { key: "length"; kind: RitualKind; minutes: number; usual: number } | { key: "orphans"; orphans: StoredMeeting[] };

/** What a saved ritual's edit must account for: its rule as stored and the meetings it keeps. */
export interface SavedSeries {
  rule: RecurrenceRule;
  meetings: readonly StoredMeeting[];
}

/**
 * What a user should see and confirm before saving a valid ritual: a length far
 * outside the kind's purpose, and (for an edit) moved or cancelled meetings and
 * notes that the new rule has no place for.
 */
export function ritualWarnings(kind: RitualKind, rule: RecurrenceRule, saved: SavedSeries | null): RitualWarning[] {
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
  return warnings;
}

/** The warnings the user has not confirmed yet. */
export function unconfirmed(warnings: readonly RitualWarning[], confirmed: readonly string[]): RitualWarning[] {
  return warnings.filter((warning) => !confirmed.includes(warning.key));
}
