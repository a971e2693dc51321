/** A note page written out as Markdown: for pasting into a wiki or keeping with the project's files. */
export interface NoteExport {
  title: string;
  when: string;
  deadline: string | null;
  agenda: string;
  notes: string;
  decisions: string;
  followUps: {
    title: string;
    owner: string | null;
    due: string;
    done: boolean;
    kind: string;
    lastUpdate: string;
    shared: boolean;
  }[];
  questions: { question: string; askedBy: string; owner: string | null; answer: string; shared: boolean }[];
  risks: { risk: string; impact: string; mitigation: string; shared: boolean; resolved: boolean }[];
}

export interface ExportLabels {
  agenda: string;
  notes: string;
  decisions: string;
  followUps: string;
  questions: string;
  risks: string;
  deadline: (date: string) => string;
  followUp: (item: { owner: string; due: string }) => string;
  approval: string;
  question: (item: { askedBy: string; owner: string }) => string;
  unanswered: string;
  impact: string;
  mitigation: string;
  nobody: string;
  none: string;
  /** "shared with the customer" or "internal": who may see an item, kept in the export. */
  visibility: (shared: boolean) => string;
  resolved: string;
}

/** One line of text as a list item's text: no line breaks, no accidental Markdown structure at the start. */
function inline(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function indented(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => `  ${line}`)
    .join("\n");
}

export function noteToMarkdown(note: NoteExport, labels: ExportLabels): string {
  const section = (heading: string, body: string) => `## ${heading}\n\n${body.trim() || `_${labels.none}_`}\n`;
  const seenBy = (item: { shared: boolean }) => ` _(${labels.visibility(item.shared)})_`;
  const followUps = note.followUps
    .map((item) => {
      const line = `- [${item.done ? "x" : " "}] ${inline(item.title)}${item.kind === "approval" ? ` (${labels.approval})` : ""} — ${labels.followUp({ owner: item.owner ?? labels.nobody, due: item.due })}${seenBy(item)}`;
      return item.lastUpdate.trim() ? `${line}\n${indented(item.lastUpdate)}` : line;
    })
    .join("\n");
  const questions = note.questions
    .map(
      (item) =>
        `- ${inline(item.question)} — ${labels.question({ askedBy: item.askedBy, owner: item.owner ?? labels.nobody })}${seenBy(item)}\n${indented(item.answer || labels.unanswered)}`,
    )
    .join("\n");
  const risks = note.risks
    .map((item) => {
      const details = [
        item.impact.trim() ? `${labels.impact}: ${inline(item.impact)}` : "",
        item.mitigation.trim() ? `${labels.mitigation}: ${inline(item.mitigation)}` : "",
      ].filter(Boolean);
      const title = `- ${inline(item.risk)}${item.resolved ? ` (${labels.resolved})` : ""}${seenBy(item)}`;
      return [title, ...details.map((detail) => `  - ${detail}`)].join("\n");
    })
    .join("\n");
  return [
    `# ${inline(note.title)} — ${note.when}\n`,
    note.deadline ? `> ${labels.deadline(note.deadline)}\n` : "",
    section(labels.agenda, note.agenda),
    section(labels.notes, note.notes),
    section(labels.decisions, note.decisions),
    section(labels.followUps, followUps),
    section(labels.questions, questions),
    section(labels.risks, risks),
  ]
    .filter(Boolean)
    .join("\n");
}
