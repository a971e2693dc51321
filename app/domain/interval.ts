/** Spans of time, shared by recurrence, buffers and everything that compares meetings. */

/** Instants are epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export interface TimeWindow {
  from: number;
  to: number;
}
