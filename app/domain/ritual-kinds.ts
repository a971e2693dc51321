/** The three rituals and the defaults PRACTICES.md gives them; every default can be changed. */
export const RITUAL_KINDS = ["check-in", "happy-hour", "tea-time"] as const;
export type RitualKind = (typeof RITUAL_KINDS)[number];

export const FREQUENCIES = ["weekly", "monthly", "once"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface RitualDefaults {
  frequency: Frequency;
  interval: number;
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  durationMinutes: number;
  goEarlyMinutes: number;
  stayLateMinutes: number;
}

export const RITUAL_DEFAULTS: Record<RitualKind, RitualDefaults> = {
  // Twice a week, team only; ideas collected on one shared page.
  "check-in": {
    frequency: "weekly",
    interval: 1,
    weekdays: [2, 4],
    durationMinutes: 30,
    goEarlyMinutes: 5,
    stayLateMinutes: 5,
  },
  // Fifteen minutes, camera on, no agenda, nothing to pad.
  "happy-hour": {
    frequency: "weekly",
    interval: 1,
    weekdays: [5],
    durationMinutes: 15,
    goEarlyMinutes: 0,
    stayLateMinutes: 0,
  },
  // Every two weeks with the customer; go early, stay late.
  "tea-time": {
    frequency: "weekly",
    interval: 2,
    weekdays: [3],
    durationMinutes: 30,
    goEarlyMinutes: 10,
    stayLateMinutes: 10,
  },
};

/** Buffers longer than this stop being small talk and become meetings of their own. */
export const MAX_BUFFER_MINUTES = 120;
export const MAX_DURATION_MINUTES = 24 * 60;

/**
 * Lengths that still serve a kind's purpose. Outside them the editor asks the
 * user to confirm: a three-hour "happy hour" is more likely a typo than a plan.
 */
export const PURPOSEFUL_LENGTH: Record<RitualKind, { min: number; max: number }> = {
  "check-in": { min: 10, max: 90 },
  "happy-hour": { min: 10, max: 45 },
  "tea-time": { min: 15, max: 90 },
};
