import { DateTime } from "luxon";
import { daysSilent, urgencyOf } from "~/domain/follow-ups";
import { meetingKey } from "~/domain/meeting-key";
import { formatDate } from "~/i18n/format";
import { renderMarkdown } from "~/utils/markdown.server";
import type { LoadedNotePage } from "~/models/note.server";
import type { DeadlineView, FollowUpView, NotePageView, QuestionView, RaisedInView, RiskView } from "~/views/note-page";

type Owner = { id: string; name: string; timeZone: string } | null;

interface FollowUpRow {
  id: string;
  title: string;
  kind: string;
  priority: number;
  owner: Owner;
  dueDate: string;
  status: string;
  lastUpdate: string;
  lastUpdatedAt: Date;
  shared: boolean;
}

interface QuestionRow {
  id: string;
  question: string;
  askedBy: string;
  owner: Owner;
  answer: string;
  status: string;
  shared: boolean;
  updatedAt: Date;
}

/** Where an item was raised, for items shown away from their own page. */
interface RaisedIn {
  notePage: { meeting: { originalStart: Date; ritual?: { id: string; title: string } } };
}

export interface ViewContext {
  locale: string;
  now: number;
  /** The zone an item without an owner is judged in. */
  teamZone: string;
  /** Each member's days off, which do not count towards an item's silence; none when not given. */
  daysOff?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Whose clock an item is judged on: its owner's zone and days off, else the team's zone. */
function ownerClock(owner: { id: string; timeZone: string } | null | undefined, context: ViewContext) {
  return owner
    ? { timeZone: owner.timeZone, holidays: context.daysOff?.get(owner.id) }
    : { timeZone: context.teamZone };
}

function raisedIn(row: Partial<RaisedIn>, locale: string, zone: string): RaisedInView | null {
  const meeting = row.notePage?.meeting;
  if (!meeting) return null;
  const start = meeting.originalStart.getTime();
  return {
    meeting: meetingKey(start),
    date: DateTime.fromMillis(start, { zone, locale }).toLocaleString(DateTime.DATE_MED),
    ritual: meeting.ritual ?? null,
  };
}

export function followUpView(row: FollowUpRow & Partial<RaisedIn>, context: ViewContext): FollowUpView {
  const { locale, now, teamZone } = context;
  const clock = ownerClock(row.owner, context);
  const item = { status: row.status === "done" ? ("done" as const) : ("open" as const), dueDate: row.dueDate };
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    priority: row.priority,
    ownerId: row.owner?.id ?? "",
    ownerName: row.owner?.name ?? null,
    dueDate: row.dueDate,
    due: formatDate(row.dueDate, locale),
    status: item.status,
    lastUpdate: row.lastUpdate,
    urgency: urgencyOf({ ...item, lastUpdatedAt: row.lastUpdatedAt.getTime() }, clock, now),
    silentDays: daysSilent({ lastUpdatedAt: row.lastUpdatedAt.getTime() }, now, clock),
    shared: row.shared,
    raisedIn: raisedIn(row, locale, teamZone),
  };
}

export function questionView(row: QuestionRow & Partial<RaisedIn>, context: ViewContext): QuestionView {
  const { locale, now, teamZone } = context;
  const clock = ownerClock(row.owner, context);
  return {
    id: row.id,
    question: row.question,
    askedBy: row.askedBy,
    ownerId: row.owner?.id ?? "",
    ownerName: row.owner?.name ?? null,
    answer: row.answer,
    status: row.status === "answered" ? ("answered" as const) : ("open" as const),
    silentDays: daysSilent({ lastUpdatedAt: row.updatedAt.getTime() }, now, clock),
    urgency: urgencyOf(
      {
        status: row.status === "answered" ? "done" : "open",
        dueDate: null,
        lastUpdatedAt: row.updatedAt.getTime(),
      },
      clock,
      now,
    ),
    shared: row.shared,
    raisedIn: raisedIn(row, locale, teamZone),
  };
}

/** A risk's row holds what its view shows, but where it was raised. */
type RiskRow = Omit<RiskView, "raisedIn">;

export function riskView(row: RiskRow & Partial<RaisedIn>, { locale, teamZone }: ViewContext): RiskView {
  return {
    id: row.id,
    risk: row.risk,
    impact: row.impact,
    mitigation: row.mitigation,
    shared: row.shared,
    resolved: row.resolved,
    raisedIn: raisedIn(row, locale, teamZone),
  };
}

/** The customer's deadline: this meeting's own, or the one last recorded at an earlier meeting. */
export function deadlineView(
  own: string | null | undefined,
  carried: { customerDeadline: string | null; meeting: { originalStart: Date } } | null,
  { locale, teamZone }: ViewContext,
): DeadlineView {
  const date = own || carried?.customerDeadline || "";
  if (!date) return { date, text: null, carriedFrom: null };
  return {
    date,
    text: formatDate(date, locale),
    carriedFrom: own ? null : raisedIn({ notePage: { meeting: carried!.meeting } }, locale, teamZone),
  };
}

/** A meeting's note page as the team sees it: text as typed and as rendered, items, and what carries over. */
export function notePageView(
  loaded: LoadedNotePage,
  template: string,
  context: ViewContext,
  origin: string,
): NotePageView {
  const { page } = loaded;
  const deadline = deadlineView(page?.customerDeadline, loaded.carriedDeadline, context);
  const text = {
    agenda: page?.agenda ?? template,
    notes: page?.notes ?? "",
    decisions: page?.decisions ?? "",
    customerDeadline: deadline.date,
  };
  return {
    version: page?.version ?? 0,
    text,
    html: {
      agenda: renderMarkdown(text.agenda),
      notes: renderMarkdown(text.notes),
      decisions: renderMarkdown(text.decisions),
    },
    deadline: deadline.text,
    deadlineCarriedFrom: deadline.carriedFrom,
    followUps: (page?.followUps ?? []).map((row) => followUpView(row, context)),
    risks: (page?.risks ?? []).map((row) => riskView(row, context)),
    carriedRisks: loaded.carriedRisks.map((row) => riskView(row, context)),
    questions: (page?.parkedQuestions ?? []).map((row) => questionView(row, context)),
    carriedFollowUps: loaded.carriedFollowUps.map((row) => followUpView(row, context)),
    carriedQuestions: loaded.carriedQuestions.map((row) => questionView(row, context)),
    shareUrl: loaded.shareToken ? new URL(`/shared/${loaded.shareToken}`, origin).toString() : null,
  };
}
