-- Made by `npm run db:migrate` from prisma/schema.prisma.

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "emailsOff" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Mail" (
    "id" TEXT NOT NULL,
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
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Mail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nudge" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Nudge_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Mail_dedupeKey_key" ON "Mail"("dedupeKey");

-- CreateIndex
CREATE INDEX "Mail_status_nextAttemptAt_idx" ON "Mail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Mail_teamId_createdAt_idx" ON "Mail"("teamId", "createdAt");

-- AddForeignKey
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CHECK constraints from the `// check:` lines in prisma/schema.prisma
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_3f5516fe_check" CHECK ("kind" IN ('invite', 'cancel', 'digest', 'agenda', 'recap'));
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_5b15a3f4_check" CHECK ("status" IN ('queued', 'sent', 'kept', 'failed'));
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_30c09be5_check" CHECK ("attempts" >= 0);

