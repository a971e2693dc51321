-- Days people are not there: members' time away (with who covers) and the team's own days off and
-- worked holidays; CalDAV calendars beside .ics addresses as busy sources.
-- CreateTable
CREATE TABLE "TimeAway" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "firstDay" TEXT NOT NULL,
    "lastDay" TEXT NOT NULL,
    "delegateId" TEXT,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ("lastDay" >= "firstDay"),
    CONSTRAINT "TimeAway_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TimeAway_delegateId_fkey" FOREIGN KEY ("delegateId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamDay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "off" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK (length(trim("name")) > 0),
    CONSTRAINT "TeamDay_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BusySource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'ics',
    "sealedAddress" TEXT NOT NULL,
    "sealedLogin" TEXT,
    "label" TEXT NOT NULL,
    "allDayBlocks" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "lastModified" TEXT,
    "checkedAt" DATETIME,
    "fetchedAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ("kind" IN ('ics', 'caldav')),
    CONSTRAINT "BusySource_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_BusySource" ("allDayBlocks", "checkedAt", "createdAt", "etag", "fetchedAt", "id", "label", "lastError", "lastModified", "memberId", "sealedAddress") SELECT "allDayBlocks", "checkedAt", "createdAt", "etag", "fetchedAt", "id", "label", "lastError", "lastModified", "memberId", "sealedAddress" FROM "BusySource";
DROP TABLE "BusySource";
ALTER TABLE "new_BusySource" RENAME TO "BusySource";
CREATE INDEX "BusySource_memberId_idx" ON "BusySource"("memberId");
CREATE INDEX "BusySource_checkedAt_idx" ON "BusySource"("checkedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TimeAway_memberId_lastDay_idx" ON "TimeAway"("memberId", "lastDay");

-- CreateIndex
CREATE UNIQUE INDEX "TeamDay_teamId_date_key" ON "TeamDay"("teamId", "date");


-- Both change what the planning pages read (decision 6).
CREATE TRIGGER "Team_planning_TimeAway_added" AFTER INSERT ON "TimeAway" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Member" WHERE "id" = NEW."memberId");
END;

CREATE TRIGGER "Team_planning_TimeAway_changed" AFTER UPDATE ON "TimeAway" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Member" WHERE "id" = NEW."memberId");
END;

CREATE TRIGGER "Team_planning_TimeAway_removed" AFTER DELETE ON "TimeAway" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Member" WHERE "id" = OLD."memberId");
END;

CREATE TRIGGER "Team_planning_TeamDay_added" AFTER INSERT ON "TeamDay" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = NEW."teamId";
END;

CREATE TRIGGER "Team_planning_TeamDay_changed" AFTER UPDATE ON "TeamDay" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = NEW."teamId";
END;

CREATE TRIGGER "Team_planning_TeamDay_removed" AFTER DELETE ON "TeamDay" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = OLD."teamId";
END;
