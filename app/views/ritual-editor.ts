/**
 * What the ritual editor's page gets from the server: its options, the plan
 * (preview, charts, suggestions, rotation) and the warnings to confirm.
 * Types only, so the editor's components can use them in the browser.
 */
import type { ZoneOptions } from "~/views/zone-options";
import type { FairnessRow } from "./fairness";
import type { Role } from "~/domain/buffers";
import type { RitualKind } from "~/domain/ritual-kinds";
import type { RitualWarning } from "~/domain/ritual-warnings";
import type { FieldErrors } from "~/domain/validation";
import type { OverlapChartView } from "./overlap-chart";

export interface PreviewRowView {
  personId: string;
  name: string;
  role: Role;
  customer: boolean;
  timeZone: string;
  local: string;
  /** The start on their clock alone, for "2:00 AM is night there". */
  localStart: string;
  dayShift: number;
  minutesOutside: number;
  minutesAtNight: number;
  dayOff: boolean;
  shiftMinutes: number;
  /** Their own calendar has them busy then (buffers included for a host); never with what. */
  busyElsewhere: boolean;
}

export interface PreviewMeetingView {
  key: number;
  when: string;
  adjustment: "gap" | "ambiguous" | null;
  clockChange: string | null;
  /** The shift from the meeting before is a rotation's next turn. */
  turnChanged: boolean;
  rows: PreviewRowView[];
}

export interface SuggestionView {
  key: string;
  label: string;
  outside: string[];
  search: string;
}

export interface RitualPlan {
  errors: FieldErrors;
  preview: PreviewMeetingView[];
  charts: OverlapChartView[];
  suggestions: SuggestionView[];
  rotation: {
    slots: SuggestionView[];
    tally: FairnessRow[];
    /** The form with the rotation filled in: the first time as the start, the others taken in turn. */
    search: string;
  } | null;
  /** Why no rotation is offered although every suggested time puts someone at night. */
  noRotationReason: string | null;
  /** Whether the suggestions may change the day (a one-off, or one weekday a week) or only the time. */
  suggestionsChangeDay: boolean;
  /** What the user must confirm before saving, in their words. */
  warnings: WarningView[];
}

export interface WarningView {
  key: RitualWarning["key"];
  message: string;
  items: string[];
  confirm: string;
}

export interface EditorOptions {
  members: { id: string; name: string; timeZone: string }[];
  customers: { id: string; name: string; contacts: { id: string; name: string; timeZone: string | null }[] }[];
  zones: ZoneOptions;
  weekdays: { value: number; label: string }[];
  kindTitles: Record<RitualKind, string>;
}
