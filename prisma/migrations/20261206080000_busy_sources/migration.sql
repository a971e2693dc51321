-- Members' own calendars, read for busy times only.-- CreateTable
CREATE TABLE "BusySource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "sealedAddress" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "allDayBlocks" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "lastModified" TEXT,
    "checkedAt" DATETIME,
    "fetchedAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BusySource_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BusyTime" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "start" DATETIME NOT NULL,
    "end" DATETIME NOT NULL,
    "tentative" BOOLEAN NOT NULL DEFAULT false,
    CHECK ("end" >= "start"),
    CONSTRAINT "BusyTime_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "BusySource" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BusySource_memberId_idx" ON "BusySource"("memberId");

-- CreateIndex
CREATE INDEX "BusySource_checkedAt_idx" ON "BusySource"("checkedAt");

-- CreateIndex
CREATE INDEX "BusyTime_sourceId_start_idx" ON "BusyTime"("sourceId", "start");


