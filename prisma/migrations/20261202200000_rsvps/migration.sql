-- Answers to meeting invites (yes, no, maybe), one per person and meeting.
CREATE TABLE "Rsvp" (
    "ritualId" TEXT NOT NULL,
    "originalStart" DATETIME NOT NULL,
    "personId" TEXT NOT NULL,
    "personKind" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "start" DATETIME NOT NULL,
    "answeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("ritualId", "originalStart", "personId"),
    CONSTRAINT "Rsvp_ritualId_fkey" FOREIGN KEY ("ritualId") REFERENCES "Ritual" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("answer" IN ('yes', 'no', 'maybe')),
    CHECK ("personKind" IN ('member', 'contact'))
);
