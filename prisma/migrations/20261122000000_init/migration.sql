-- CHECK constraints were added by hand: Prisma's schema language cannot express them.
-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CHECK (length(trim("name")) > 0)
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "workStartMinutes" INTEGER NOT NULL DEFAULT 540,
    "workEndMinutes" INTEGER NOT NULL DEFAULT 1080,
    "workDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Member_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK (length(trim("name")) > 0),
    CHECK ("workStartMinutes" BETWEEN 0 AND 1440 AND "workEndMinutes" BETWEEN 0 AND 1440)
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "etiquetteNote" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'en',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Customer_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK (length(trim("name")) > 0),
    CHECK ("language" IN ('en', 'ko'))
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "timeZone" TEXT,
    "workStartMinutes" INTEGER NOT NULL DEFAULT 540,
    "workEndMinutes" INTEGER NOT NULL DEFAULT 1080,
    "workDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contact_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK (length(trim("name")) > 0),
    CHECK ("workStartMinutes" BETWEEN 0 AND 1440 AND "workEndMinutes" BETWEEN 0 AND 1440)
);

-- CreateTable
CREATE TABLE "Ritual" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "startMinutes" INTEGER NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "frequency" TEXT NOT NULL,
    "interval" INTEGER NOT NULL DEFAULT 1,
    "weekdays" TEXT NOT NULL DEFAULT '',
    "monthDay" INTEGER,
    "monthWeek" INTEGER,
    "monthWeekday" INTEGER,
    "startDate" TEXT NOT NULL,
    "untilDate" TEXT,
    "count" INTEGER,
    "goEarlyMinutes" INTEGER NOT NULL,
    "stayLateMinutes" INTEGER NOT NULL,
    "agendaTemplate" TEXT NOT NULL DEFAULT '',
    "videoUrl" TEXT NOT NULL DEFAULT '',
    "customerId" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ritual_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ritual_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CHECK (length(trim("title")) > 0),
    CHECK ("kind" IN ('check-in', 'happy-hour', 'tea-time')),
    CHECK ("frequency" IN ('weekly', 'monthly', 'once')),
    CHECK ("startMinutes" BETWEEN 0 AND 1439),
    CHECK ("durationMinutes" BETWEEN 1 AND 1440),
    CHECK ("interval" >= 1),
    CHECK ("count" IS NULL OR "count" >= 1),
    CHECK ("goEarlyMinutes" BETWEEN 0 AND 120 AND "stayLateMinutes" BETWEEN 0 AND 120)
);

-- CreateTable
CREATE TABLE "RitualAttendee" (
    "ritualId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("ritualId", "memberId"),
    CONSTRAINT "RitualAttendee_ritualId_fkey" FOREIGN KEY ("ritualId") REFERENCES "Ritual" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RitualAttendee_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("role" IN ('host', 'participant'))
);

-- CreateTable
CREATE TABLE "RitualContact" (
    "ritualId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,

    PRIMARY KEY ("ritualId", "contactId"),
    CONSTRAINT "RitualContact_ritualId_fkey" FOREIGN KEY ("ritualId") REFERENCES "Ritual" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RitualContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meeting" (
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
    CHECK ("status" IN ('scheduled', 'moved', 'cancelled')),
    CHECK ("durationMinutes" BETWEEN 1 AND 1440),
    CHECK ("sequence" >= 0)
);

-- CreateTable
CREATE TABLE "NotePage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "agenda" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "decisions" TEXT NOT NULL DEFAULT '',
    "customerDeadline" TEXT,
    "shareToken" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NotePage_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "notePageId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'action',
    "ownerId" TEXT,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "priority" INTEGER NOT NULL DEFAULT 2,
    "lastUpdate" TEXT NOT NULL DEFAULT '',
    "lastUpdatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FollowUp_notePageId_fkey" FOREIGN KEY ("notePageId") REFERENCES "NotePage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CHECK ("status" IN ('open', 'done')),
    CHECK ("kind" IN ('approval', 'action'))
);

-- CreateTable
CREATE TABLE "Risk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "notePageId" TEXT NOT NULL,
    "risk" TEXT NOT NULL,
    "impact" TEXT NOT NULL DEFAULT '',
    "mitigation" TEXT NOT NULL DEFAULT '',
    "shared" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Risk_notePageId_fkey" FOREIGN KEY ("notePageId") REFERENCES "NotePage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ParkedQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "notePageId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "askedBy" TEXT NOT NULL,
    "ownerId" TEXT,
    "answer" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ParkedQuestion_notePageId_fkey" FOREIGN KEY ("notePageId") REFERENCES "NotePage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ParkedQuestion_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CHECK ("status" IN ('open', 'answered'))
);

-- CreateIndex
CREATE UNIQUE INDEX "Member_teamId_email_key" ON "Member"("teamId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_customerId_email_key" ON "Contact"("customerId", "email");

-- CreateIndex
CREATE INDEX "Ritual_teamId_idx" ON "Ritual"("teamId");

-- CreateIndex
CREATE INDEX "RitualAttendee_memberId_idx" ON "RitualAttendee"("memberId");

-- CreateIndex
CREATE INDEX "Meeting_start_idx" ON "Meeting"("start");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_ritualId_originalStart_key" ON "Meeting"("ritualId", "originalStart");

-- CreateIndex
CREATE UNIQUE INDEX "NotePage_meetingId_key" ON "NotePage"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "NotePage_shareToken_key" ON "NotePage"("shareToken");

-- CreateIndex
CREATE INDEX "FollowUp_notePageId_idx" ON "FollowUp"("notePageId");

-- CreateIndex
CREATE INDEX "FollowUp_ownerId_status_idx" ON "FollowUp"("ownerId", "status");

-- CreateIndex
CREATE INDEX "Risk_notePageId_idx" ON "Risk"("notePageId");

-- CreateIndex
CREATE INDEX "ParkedQuestion_notePageId_idx" ON "ParkedQuestion"("notePageId");

-- CreateIndex
CREATE INDEX "ParkedQuestion_ownerId_status_idx" ON "ParkedQuestion"("ownerId", "status");

