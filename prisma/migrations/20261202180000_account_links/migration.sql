-- Mail about a person's account has no team; links that finish a sign-up or reset a password.
-- SQLite cannot drop NOT NULL or change a CHECK in place: Mail is rebuilt with its rows.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Mail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT,
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
    CHECK ("kind" IN ('invite', 'cancel', 'digest', 'agenda', 'recap', 'account')),
    CHECK ("status" IN ('queued', 'sent', 'kept', 'failed')),
    CHECK ("attempts" >= 0)
);
INSERT INTO "new_Mail" SELECT "id", "teamId", "dedupeKey", "kind", "memberId", "toName", "toAddress", "subject", "text", "calendar", "calendarMethod", "status", "attempts", "nextAttemptAt", "claimedUntil", "lastError", "sentAt", "createdAt" FROM "Mail";
DROP TABLE "Mail";
ALTER TABLE "new_Mail" RENAME TO "Mail";
CREATE UNIQUE INDEX "Mail_dedupeKey_key" ON "Mail"("dedupeKey");
CREATE INDEX "Mail_status_nextAttemptAt_idx" ON "Mail"("status", "nextAttemptAt");
CREATE INDEX "Mail_teamId_createdAt_idx" ON "Mail"("teamId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

CREATE TABLE "AccountLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "signUp" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CHECK ("purpose" IN ('sign-up', 'reset'))
);
CREATE UNIQUE INDEX "AccountLink_tokenHash_key" ON "AccountLink"("tokenHash");
