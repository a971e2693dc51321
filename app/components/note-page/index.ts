// The note page's sections, one file each.
export { FollowUpItem, FollowUps } from "./follow-ups";
export { NotesEditor } from "./notes-editor";
export { RenderedText, type NoteReply } from "./parts";
export { QuestionItem, Questions } from "./questions";
export { RiskItem, Risks } from "./risks";
export { SharePanel } from "./share-panel";
