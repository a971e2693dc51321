/** One person's tally: meetings outside their working hours, and (counted apart) at night. */
export interface FairnessRow {
  personId: string;
  name: string;
  meetings: number;
  outside: number;
  minutes: number;
  /** Meetings that reach into the person's night: counted apart from early or late edges. */
  night: number;
}
