-- Made by `npm run db:migrate` from prisma/schema.prisma.

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdByMemberId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedByMemberId" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "windowStartedAt" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT,
    "claimedByUserId" TEXT,
    "role" TEXT NOT NULL DEFAULT 'member',
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "workStartMinutes" INTEGER NOT NULL DEFAULT 540,
    "workEndMinutes" INTEGER NOT NULL DEFAULT 1080,
    "workDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "etiquetteNote" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'en',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "timeZone" TEXT,
    "workStartMinutes" INTEGER NOT NULL DEFAULT 540,
    "workEndMinutes" INTEGER NOT NULL DEFAULT 1080,
    "workDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ritual" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "startMinutes" INTEGER NOT NULL,
    "rotationStarts" TEXT NOT NULL DEFAULT '',
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
    "creationToken" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ritual_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RitualAttendee" (
    "ritualId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "RitualAttendee_pkey" PRIMARY KEY ("ritualId","memberId")
);

-- CreateTable
CREATE TABLE "RitualContact" (
    "ritualId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,

    CONSTRAINT "RitualContact_pkey" PRIMARY KEY ("ritualId","contactId")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "ritualId" TEXT NOT NULL,
    "originalStart" TIMESTAMP(3) NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotePage" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "agenda" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "decisions" TEXT NOT NULL DEFAULT '',
    "customerDeadline" TEXT,
    "shareToken" TEXT,
    "shareGeneration" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "savedByName" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotePage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "notePageId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'action',
    "ownerId" TEXT,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "priority" INTEGER NOT NULL DEFAULT 2,
    "lastUpdate" TEXT NOT NULL DEFAULT '',
    "lastUpdatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Risk" (
    "id" TEXT NOT NULL,
    "notePageId" TEXT NOT NULL,
    "risk" TEXT NOT NULL,
    "impact" TEXT NOT NULL DEFAULT '',
    "mitigation" TEXT NOT NULL DEFAULT '',
    "shared" BOOLEAN NOT NULL DEFAULT true,
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParkedQuestion" (
    "id" TEXT NOT NULL,
    "notePageId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "askedBy" TEXT NOT NULL,
    "ownerId" TEXT,
    "answer" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ParkedQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_teamId_idx" ON "Invite"("teamId");

-- CreateIndex
CREATE INDEX "Member_userId_idx" ON "Member"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_teamId_email_key" ON "Member"("teamId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Member_teamId_userId_key" ON "Member"("teamId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_memberId_key" ON "CalendarFeed"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_customerId_email_key" ON "Contact"("customerId", "email");

-- CreateIndex
CREATE INDEX "Ritual_teamId_idx" ON "Ritual"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Ritual_teamId_creationToken_key" ON "Ritual"("teamId", "creationToken");

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

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RitualAttendee" ADD CONSTRAINT "RitualAttendee_ritualId_fkey" FOREIGN KEY ("ritualId") REFERENCES "Ritual"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RitualAttendee" ADD CONSTRAINT "RitualAttendee_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RitualContact" ADD CONSTRAINT "RitualContact_ritualId_fkey" FOREIGN KEY ("ritualId") REFERENCES "Ritual"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RitualContact" ADD CONSTRAINT "RitualContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_ritualId_fkey" FOREIGN KEY ("ritualId") REFERENCES "Ritual"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotePage" ADD CONSTRAINT "NotePage_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_notePageId_fkey" FOREIGN KEY ("notePageId") REFERENCES "NotePage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_notePageId_fkey" FOREIGN KEY ("notePageId") REFERENCES "NotePage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkedQuestion" ADD CONSTRAINT "ParkedQuestion_notePageId_fkey" FOREIGN KEY ("notePageId") REFERENCES "NotePage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkedQuestion" ADD CONSTRAINT "ParkedQuestion_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CHECK constraints from the `// check:` lines in prisma/schema.prisma
ALTER TABLE "User" ADD CONSTRAINT "User_62d24e03_check" CHECK ("email" = lower("email") AND length("email") > 3);
ALTER TABLE "User" ADD CONSTRAINT "User_0cb58d0d_check" CHECK (length(trim("name")) > 0);
ALTER TABLE "Team" ADD CONSTRAINT "Team_0cb58d0d_check" CHECK (length(trim("name")) > 0);
ALTER TABLE "SignInThrottle" ADD CONSTRAINT "SignInThrottle_2fd04391_check" CHECK ("failures" >= 0);
ALTER TABLE "Member" ADD CONSTRAINT "Member_0cb58d0d_check" CHECK (length(trim("name")) > 0);
ALTER TABLE "Member" ADD CONSTRAINT "Member_9e183cfe_check" CHECK ("workStartMinutes" BETWEEN 0 AND 1440 AND "workEndMinutes" BETWEEN 0 AND 1440);
ALTER TABLE "Member" ADD CONSTRAINT "Member_ccb98316_check" CHECK ("role" IN ('owner', 'member'));
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_0cb58d0d_check" CHECK (length(trim("name")) > 0);
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_ccb7004d_check" CHECK ("language" IN ('en', 'ko'));
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_0cb58d0d_check" CHECK (length(trim("name")) > 0);
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_9e183cfe_check" CHECK ("workStartMinutes" BETWEEN 0 AND 1440 AND "workEndMinutes" BETWEEN 0 AND 1440);
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_f3aff190_check" CHECK (length(trim("title")) > 0);
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_43c83745_check" CHECK ("kind" IN ('check-in', 'happy-hour', 'tea-time'));
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_abdbd0c6_check" CHECK ("frequency" IN ('weekly', 'monthly', 'once'));
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_b65216f9_check" CHECK ("startMinutes" BETWEEN 0 AND 1439);
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_894c7e31_check" CHECK ("durationMinutes" BETWEEN 1 AND 1440);
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_3780f585_check" CHECK ("interval" >= 1);
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_73fa1be7_check" CHECK ("count" IS NULL OR "count" >= 1);
ALTER TABLE "Ritual" ADD CONSTRAINT "Ritual_9876cbae_check" CHECK ("goEarlyMinutes" BETWEEN 0 AND 120 AND "stayLateMinutes" BETWEEN 0 AND 120);
ALTER TABLE "RitualAttendee" ADD CONSTRAINT "RitualAttendee_a73e868a_check" CHECK ("role" IN ('host', 'participant'));
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_31e88b93_check" CHECK ("status" IN ('scheduled', 'moved', 'cancelled', 'detached'));
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_894c7e31_check" CHECK ("durationMinutes" BETWEEN 1 AND 1440);
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_23acdf88_check" CHECK ("sequence" >= 0);
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_25361d71_check" CHECK ("status" IN ('open', 'done'));
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_79fa364a_check" CHECK ("kind" IN ('approval', 'action'));
ALTER TABLE "ParkedQuestion" ADD CONSTRAINT "ParkedQuestion_3608abb6_check" CHECK ("status" IN ('open', 'answered'));

