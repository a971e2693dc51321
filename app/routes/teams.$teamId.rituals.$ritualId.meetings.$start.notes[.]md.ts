import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/utils/auth.server";
import { formatDay, formatTime } from "~/i18n/format";
import { parseMeetingKey } from "~/domain/meeting-key";
import { noteToMarkdown } from "~/domain/note-export";
import { requestTranslation } from "~/i18n/i18next.server";
import { findMeeting } from "~/models/meeting.server";
import { loadNotePage } from "~/models/note.server";
import { calendarFilename, downloadResponse } from "~/calendar/calendar-response.server";
import { meetingNotHere } from "~/utils/responses.server";

/** The meeting's note page as a Markdown file, everything on it, in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const found = await findMeeting(team.id, params.ritualId ?? "", parseMeetingKey(params.start));
  if (!found) throw await meetingNotHere(request, team.id, params.ritualId ?? "", params.start);
  const { ritual, meeting } = found;
  const [{ locale, t }, { page }] = await Promise.all([
    requestTranslation(request),
    loadNotePage({ teamId: team.id, ritualId: ritual.id, originalStart: meeting.originalStart }),
  ]);
  const markdown = noteToMarkdown(
    {
      title: ritual.title,
      when: `${formatDay(meeting.start, member.timeZone, locale)} ${formatTime(meeting.start, member.timeZone, locale)} (${member.timeZone})`,
      deadline: page?.customerDeadline ?? null,
      agenda: page?.agenda ?? ritual.agendaTemplate,
      notes: page?.notes ?? "",
      decisions: page?.decisions ?? "",
      followUps: (page?.followUps ?? []).map((item) => ({
        title: item.title,
        owner: item.owner?.name ?? null,
        due: item.dueDate,
        done: item.status === "done",
        kind: item.kind,
        lastUpdate: item.lastUpdate,
        shared: item.shared,
      })),
      questions: (page?.parkedQuestions ?? []).map((item) => ({
        question: item.question,
        askedBy: item.askedBy,
        owner: item.owner?.name ?? null,
        answer: item.answer,
        shared: item.shared,
      })),
      risks: page?.risks ?? [],
    },
    {
      agenda: t("notes.agenda"),
      notes: t("notes.notes"),
      decisions: t("notes.decisions"),
      followUps: t("followUps.title"),
      questions: t("questions.title"),
      risks: t("risks.title"),
      deadline: (date) => t("notes.deadlineIs", { date }),
      followUp: ({ owner, due }) => t("followUps.ownerDue", { owner, due }),
      approval: t("followUps.approval"),
      question: ({ askedBy, owner }) => t("questions.askedByOwner", { askedBy, owner }),
      unanswered: t("questions.notYet"),
      impact: t("risks.impact"),
      mitigation: t("risks.mitigation"),
      nobody: t("followUps.noOwner"),
      none: t("notes.nothing"),
      visibility: (shared) => t(shared ? "notes.shared" : "notes.internal"),
      resolved: t("risks.resolvedTag"),
    },
  );
  return downloadResponse(
    markdown,
    calendarFilename(`${ritual.title} ${params.start?.slice(0, 8) ?? ""}`, "md"),
    "text/markdown",
  );
}
