/**
 * A meeting's note page as the server hands it to the page: text as typed and
 * as rendered, items with their urgency, and what carries over. Types only,
 * so the note page's components can use them in the browser.
 */
import type { Urgency } from "~/domain/follow-ups";

/** Where an item was raised, for items shown away from their own page. */
export interface RaisedInView {
  meeting: string;
  date: string;
  ritual: { id: string; title: string } | null;
}

export interface FollowUpView {
  id: string;
  title: string;
  kind: string;
  priority: number;
  ownerId: string;
  ownerName: string | null;
  dueDate: string;
  due: string;
  status: "open" | "done";
  lastUpdate: string;
  urgency: Urgency;
  silentDays: number;
  shared: boolean;
  raisedIn: RaisedInView | null;
}

export interface QuestionView {
  id: string;
  question: string;
  askedBy: string;
  ownerId: string;
  ownerName: string | null;
  answer: string;
  status: "open" | "answered";
  silentDays: number;
  urgency: Urgency;
  shared: boolean;
  raisedIn: RaisedInView | null;
}

export interface RiskView {
  id: string;
  risk: string;
  impact: string;
  mitigation: string;
  shared: boolean;
  resolved: boolean;
  raisedIn: RaisedInView | null;
}

export interface DeadlineView {
  date: string;
  text: string | null;
  carriedFrom: RaisedInView | null;
}

export interface NotePageView {
  version: number;
  text: { agenda: string; notes: string; decisions: string; customerDeadline: string };
  html: { agenda: string; notes: string; decisions: string };
  deadline: string | null;
  deadlineCarriedFrom: RaisedInView | null;
  followUps: FollowUpView[];
  risks: RiskView[];
  carriedRisks: RiskView[];
  questions: QuestionView[];
  carriedFollowUps: FollowUpView[];
  carriedQuestions: QuestionView[];
  shareUrl: string | null;
}
