/**
 * Everything done on a meeting's page, as one table: each intent the page's
 * forms send, what it does, and where on the page its answer shows. The route
 * checks once that the person is on the team and the meeting is the team's.
 */
import { checkMove, parseMove, type MoveCheck } from "~/domain/meeting-move";
import { DAY, MINUTE } from "~/domain/durations";
import { busyElsewhere } from "~/models/busy-source.server";
import { loadTeamPlanning } from "~/models/planning.server";
import { everyoneOf } from "~/domain/people";
import type { FieldErrors, WriteResult } from "~/domain/validation";
import type { StoredRitual } from "~/domain/ritual";
import {
  addFollowUp,
  addQuestion,
  addRisk,
  answerQuestion,
  deleteItem,
  saveNotes,
  shareNotePage,
  stopSharing,
  updateFollowUp,
  updateQuestion,
  updateRisk,
  type MeetingRef,
  type SaveNotesResult,
} from "~/models/note.server";
import { changeMeeting, restoreMeeting, sendRecap } from "./meetings.server";
import { answerInvitation } from "./rsvps.server";
import { isRsvpAnswer } from "~/domain/rsvp";

/** Who acts, on which meeting, with what the form sent. */
export interface MeetingPageContext {
  ref: MeetingRef;
  ritual: StoredRitual;
  member: { id: string; name: string };
  values: Record<string, string | string[]>;
  now: number;
}

export type MeetingPageOutcome =
  /** Done: the page again, at `anchor`, with `search` added to its address. */
  | { done: true; anchor: string; search?: string }
  | { done: false; errors: FieldErrors }
  /**
   * The new time for everyone, asked for; or a move that lands in someone's night,
   * day off or other meeting, shown for a second, deliberate click (`fits` false).
   */
  | { done: false; moveCheck: { start: number; fits: boolean; rows: MoveCheckRow[] } }
  | { done: false; conflict: Extract<SaveNotesResult, { conflict: unknown }>["conflict"] }
  /** A form this page never sends (a recap for a ritual without a customer). */
  | { done: false; badRequest: string };

/** One person at a meeting's new time, with the names the page shows. */
export interface MoveCheckRow extends Omit<MoveCheck, "clashesWith"> {
  name: string;
  timeZone: string;
  clashesWith: string[];
}

/** Everyone on the ritual at the new time: their hours there, and what it lands on for them. */
async function movePreview(ref: MeetingRef, move: { start: number; durationMinutes: number }, now: number) {
  const planning = await loadTeamPlanning(ref.teamId, now);
  const ritual = planning.rituals.find((r) => r.id === ref.ritualId);
  if (!ritual) return null;
  const people = everyoneOf(planning);
  const moved = {
    start: move.start,
    end: move.start + move.durationMinutes * MINUTE,
    originalStart: ref.originalStart,
  };
  const elsewhere = await busyElsewhere(
    ritual.attendees.map((attendee) => attendee.personId),
    { from: moved.start - DAY, to: moved.end + DAY },
  );
  const checks = checkMove(moved, ritual, people, planning.rituals, elsewhere);
  const titles = new Map(planning.rituals.map((r) => [r.id, r.ritual.title]));
  const byId = new Map(people.map((person) => [person.id, person]));
  const rows = checks.map((check) => ({
    ...check,
    name: byId.get(check.personId)!.name,
    timeZone: byId.get(check.personId)!.timeZone,
    clashesWith: check.clashesWith.map((id) => titles.get(id) ?? ""),
  }));
  const fits = checks.every((check) => check.hours === null && check.clashesWith.length === 0 && !check.busyElsewhere);
  return { start: move.start, fits, rows };
}

type MeetingPageAction = (context: MeetingPageContext) => Promise<MeetingPageOutcome>;

const itemId = ({ values }: MeetingPageContext) => (typeof values.id === "string" ? values.id : "");

/** A write's result as the page answers it, at `anchor`. */
const at =
  (anchor: string, write: (context: MeetingPageContext) => Promise<WriteResult<unknown>>): MeetingPageAction =>
  async (context) => {
    const result = await write(context);
    return result.ok ? { done: true, anchor } : { done: false, errors: result.errors };
  };

/** Removing an item: a missing one (someone else's id, or gone already) is the form's error. */
const removing = (anchor: string, kind: Parameters<typeof deleteItem>[1]) =>
  at(anchor, async (context) =>
    (await deleteItem(context.ref.teamId, kind, itemId(context)))
      ? { ok: true, value: null }
      : { ok: false, errors: { form: "validation.itemUnknown" } },
  );

const MEETING_PAGE_ACTIONS: Record<string, MeetingPageAction> = {
  "save-notes": async ({ ref, values, member }) => {
    const saved = await saveNotes(ref, values, Number(values.version) || 0, member.name);
    if ("conflict" in saved) return { done: false, conflict: saved.conflict };
    return saved.ok ? { done: true, anchor: "notes" } : { done: false, errors: saved.errors };
  },
  "add-follow-up": at("follow-ups", ({ ref, values, now }) => addFollowUp(ref, values, now)),
  "update-follow-up": at("follow-ups", (c) => updateFollowUp(c.ref.teamId, itemId(c), c.values, c.now)),
  "delete-follow-up": removing("follow-ups", "followUp"),
  "add-risk": at("risks", ({ ref, values }) => addRisk(ref, values)),
  "update-risk": at("risks", (c) => updateRisk(c.ref.teamId, itemId(c), c.values)),
  "delete-risk": removing("risks", "risk"),
  "add-question": at("questions", ({ ref, values }) => addQuestion(ref, values)),
  "answer-question": at("questions", (c) => answerQuestion(c.ref.teamId, itemId(c), c.values)),
  "update-question": at("questions", (c) => updateQuestion(c.ref.teamId, itemId(c), c.values)),
  "delete-question": removing("questions", "question"),
  share: async ({ ref }) => {
    await shareNotePage(ref);
    return { done: true, anchor: "share" };
  },
  "stop-sharing": async ({ ref }) => {
    await stopSharing(ref);
    return { done: true, anchor: "share" };
  },
  "send-recap": async ({ ref, now }) => {
    const sentTo = await sendRecap(ref, now);
    if (sentTo === null) return { done: false, badRequest: "Only tea times have a customer to send a recap to" };
    return { done: true, anchor: "share", search: `?recap=${sentTo}` };
  },
  cancel: at("cancel", ({ ref, now }) =>
    changeMeeting(ref.teamId, ref.ritualId, { originalStart: ref.originalStart, status: "cancelled" }, now),
  ),
  restore: at("restore", ({ ref, now }) => restoreMeeting(ref.teamId, ref.ritualId, ref.originalStart, now)),
  rsvp: at("rsvp", async ({ ref, member, values, now }) => {
    if (!isRsvpAnswer(values.answer)) return { ok: false, errors: { form: "validation.rsvpAnswer" } };
    const person = { kind: "member" as const, id: member.id };
    const answered = await answerInvitation({ ...ref, person }, values.answer, now);
    return answered.ok ? { ok: true, value: null } : { ok: false, errors: { form: `rsvp.gone.${answered.reason}` } };
  }),
  move: async ({ ref, ritual, values, now }) => {
    const move = parseMove(values, ritual.timeZone, ref.originalStart);
    if (!move.success) return { done: false, errors: move.errors };
    // Asked for the check, or a time not yet shown to the person moving it: check before saving.
    const checking = values.check === "yes";
    if (checking || values.confirmedStart !== String(move.data.start)) {
      const moveCheck = await movePreview(ref, move.data, now);
      if (moveCheck && (checking || !moveCheck.fits)) return { done: false, moveCheck };
    }
    const moved = await changeMeeting(ref.teamId, ref.ritualId, move.data, now);
    return moved.ok ? { done: true, anchor: "move" } : { done: false, errors: moved.errors };
  },
};

/** Runs what the form's `intent` names; an intent the page does not know is a bad request. */
export function runMeetingPageAction(intent: unknown, context: MeetingPageContext): Promise<MeetingPageOutcome> {
  const action = typeof intent === "string" && Object.hasOwn(MEETING_PAGE_ACTIONS, intent) ? intent : null;
  if (action === null) return Promise.resolve({ done: false, badRequest: "Unknown intent" });
  return MEETING_PAGE_ACTIONS[action]!(context);
}
