import { z } from "zod";
import { localDate, longText, optionalLocalDate, singleLine } from "./fields";
import { FOLLOW_UP_KINDS } from "./follow-ups";
import { validate, type Validated } from "./validation";

/** The largest note a page keeps, in UTF-8 bytes: long meetings fit, pasted dumps do not. */
export const MAX_NOTE_BYTES = 256 * 1024;

const noteText = z
  .string()
  .default("")
  .refine((text) => new TextEncoder().encode(text).length <= MAX_NOTE_BYTES, "validation.noteTooLarge");

/** A checkbox: sent as "on" when ticked, absent otherwise. */
const ticked = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null);

export const notesSchema = z.object({
  agenda: noteText,
  notes: noteText,
  decisions: noteText,
  customerDeadline: optionalLocalDate,
});
export type NotesInput = z.output<typeof notesSchema>;

export const followUpSchema = z.object({
  title: singleLine(300, "validation.titleRequired"),
  kind: z.enum(FOLLOW_UP_KINDS, { message: "validation.invalid" }).default("action"),
  ownerId: optionalId,
  /** Empty: the default for the kind, on the owner's clock. */
  dueDate: optionalLocalDate,
  priority: z.coerce.number().int().min(1, "validation.invalid").max(3, "validation.invalid").default(2),
  shared: ticked,
});
export type FollowUpInput = z.output<typeof followUpSchema>;

/** Everything about a follow-up but its kind can change; an update with news resets its silence. */
export const followUpUpdateSchema = followUpSchema.omit({ kind: true, dueDate: true }).extend({
  status: z.enum(["open", "done"], { message: "validation.invalid" }),
  lastUpdate: longText(2000),
  dueDate: localDate,
});
export type FollowUpUpdate = z.output<typeof followUpUpdateSchema>;

export const riskSchema = z.object({
  risk: singleLine(300, "validation.riskRequired"),
  impact: longText(2000),
  mitigation: longText(2000),
  shared: ticked,
  /** Resolved risks stop carrying over to later meetings. */
  resolved: ticked,
});
export type RiskInput = z.output<typeof riskSchema>;

export const questionSchema = z.object({
  question: singleLine(500, "validation.questionRequired"),
  askedBy: singleLine(120, "validation.askedByRequired"),
  ownerId: optionalId,
  shared: ticked,
});
export type QuestionInput = z.output<typeof questionSchema>;

export const answerSchema = z.object({ answer: z.string().trim().min(1, "validation.answerRequired").max(5000) });

export function validateNotes(input: unknown): Validated<NotesInput> {
  return validate(notesSchema, input);
}

/** An open item and the meeting it was raised in, as the carry-over needs it. */
export interface RaisedItem {
  status: string;
  /** The original start of the meeting whose page holds the item. */
  raisedAt: number;
}

/**
 * What a meeting's agenda carries over: every item raised at an earlier meeting
 * of the same ritual that is still open, until someone closes it.
 */
export function carriedOver<T extends RaisedItem>(items: readonly T[], meetingStart: number): T[] {
  return items.filter((item) => item.status === "open" && item.raisedAt < meetingStart);
}
