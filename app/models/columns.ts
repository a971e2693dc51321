/**
 * String columns read as the unions they hold, in one place. The database
 * checks most of them; a value it does not know (a row written by hand, or by
 * a newer version) reads as the safest choice rather than passing on unchecked.
 */
import { ritualKindOf } from "~/domain/ritual-form";

function oneOf<const T extends string>(values: readonly T[], fallback: T): (value: string) => T {
  return (value) => ((values as readonly string[]).includes(value) ? (value as T) : fallback);
}

export const attendeeRole = oneOf(["host", "participant"], "participant");
export const memberRole = oneOf(["owner", "member"], "member");
export const meetingStatus = oneOf(["scheduled", "moved", "cancelled", "detached"], "scheduled");
export const ritualFrequency = oneOf(["weekly", "monthly", "once"], "weekly");
/** As the editor reads a kind it was sent. */
export const ritualKind = ritualKindOf;
export const mailStatus = oneOf(["queued", "sent", "kept", "failed"], "queued");
