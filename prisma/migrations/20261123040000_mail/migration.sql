-- Outgoing mail and the reminders already given. CHECK constraints added by hand,
-- as in the first migration; Member gains its column in place (no table rebuild).
CREATE TABLE "Mail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "memberId" TEXT,
    "toName" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "calendar" TEXT,
    "calendarMethod" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Mail_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("kind" IN ('invite', 'cancel', 'digest', 'agenda', 'recap')),
    CHECK ("status" IN ('queued', 'sent', 'kept', 'failed')),
    CHECK ("attempts" >= 0)
);

CREATE TABLE "Nudge" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

ALTER TABLE "Member" ADD COLUMN "emailsOff" BOOLEAN NOT NULL DEFAULT false;

CREATE UNIQUE INDEX "Mail_dedupeKey_key" ON "Mail"("dedupeKey");
CREATE INDEX "Mail_status_nextAttemptAt_idx" ON "Mail"("status", "nextAttemptAt");
CREATE INDEX "Mail_teamId_createdAt_idx" ON "Mail"("teamId", "createdAt");
