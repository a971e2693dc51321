-- A ritual may rotate between start times; a form sent twice creates one ritual.
ALTER TABLE "Ritual" ADD COLUMN "rotationStarts" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Ritual" ADD COLUMN "creationToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Ritual_teamId_creationToken_key" ON "Ritual"("teamId", "creationToken");

-- Open risks carry over to the next meeting until they are resolved.
ALTER TABLE "Risk" ADD COLUMN "resolved" BOOLEAN NOT NULL DEFAULT false;

-- A conflicting save says who saved first.
ALTER TABLE "NotePage" ADD COLUMN "savedByName" TEXT NOT NULL DEFAULT '';

-- A meeting can leave its series ("detached") when the rule changes, keeping its notes.
-- SQLite cannot change a CHECK in place: the table is rebuilt, as Prisma does.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ritualId" TEXT NOT NULL,
    "originalStart" DATETIME NOT NULL,
    "start" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_ritualId_fkey" FOREIGN KEY ("ritualId") REFERENCES "Ritual" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("status" IN ('scheduled', 'moved', 'cancelled', 'detached')),
    CHECK ("durationMinutes" BETWEEN 1 AND 1440),
    CHECK ("sequence" >= 0)
);
INSERT INTO "new_Meeting" ("id", "ritualId", "originalStart", "start", "durationMinutes", "status", "sequence", "createdAt", "updatedAt")
SELECT "id", "ritualId", "originalStart", "start", "durationMinutes", "status", "sequence", "createdAt", "updatedAt" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_start_idx" ON "Meeting"("start");
CREATE UNIQUE INDEX "Meeting_ritualId_originalStart_key" ON "Meeting"("ritualId", "originalStart");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
