import { describe, expect, it } from "vitest";
import { noteToMarkdown, type ExportLabels } from "./note-export";

const labels: ExportLabels = {
  agenda: "Agenda",
  notes: "Notes",
  decisions: "Decisions",
  followUps: "Follow-ups",
  questions: "Questions",
  risks: "Risks",
  deadline: (date) => `Deadline: ${date}`,
  followUp: ({ owner, due }) => `${owner}, due ${due}`,
  approval: "approval",
  question: ({ askedBy, owner }) => `asked by ${askedBy}, for ${owner}`,
  unanswered: "Not answered yet",
  impact: "Impact",
  mitigation: "Mitigation",
  nobody: "nobody",
  none: "Nothing",
  visibility: (shared) => (shared ? "shared with the customer" : "internal"),
  resolved: "resolved",
};

describe("a note page as Markdown", () => {
  it("says of every item whether the customer sees it", () => {
    const markdown = noteToMarkdown(
      {
        title: "Tea time",
        when: "Wed 2 Dec 10:00",
        deadline: "2026-12-18",
        agenda: "",
        notes: "",
        decisions: "",
        followUps: [
          {
            title: "Send the plan",
            owner: "Lena",
            due: "2026-12-04",
            done: false,
            kind: "action",
            lastUpdate: "",
            shared: true,
          },
          {
            title: "Check the budget",
            owner: null,
            due: "2026-12-05",
            done: true,
            kind: "approval",
            lastUpdate: "",
            shared: false,
          },
        ],
        questions: [{ question: "Which region?", askedBy: "Min-seo", owner: "Jiwoo", answer: "", shared: false }],
        risks: [
          { risk: "Customs delay", impact: "A week", mitigation: "", shared: true, resolved: false },
          { risk: "Holiday rota", impact: "", mitigation: "", shared: false, resolved: true },
        ],
      },
      labels,
    );
    expect(markdown).toContain("- [ ] Send the plan — Lena, due 2026-12-04 _(shared with the customer)_");
    expect(markdown).toContain("- [x] Check the budget (approval) — nobody, due 2026-12-05 _(internal)_");
    expect(markdown).toContain("- Which region? — asked by Min-seo, for Jiwoo _(internal)_");
    expect(markdown).toContain("- Customs delay _(shared with the customer)_\n  - Impact: A week");
    expect(markdown).toContain("- Holiday rota (resolved) _(internal)_");
  });
});
