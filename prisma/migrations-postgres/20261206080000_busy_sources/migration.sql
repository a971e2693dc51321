-- Made by `npm run db:migrate` from prisma/schema/.

-- CreateTable
CREATE TABLE "BusySource" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "sealedAddress" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "allDayBlocks" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "lastModified" TEXT,
    "checkedAt" TIMESTAMP(3),
    "fetchedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BusySource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusyTime" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "end" TIMESTAMP(3) NOT NULL,
    "tentative" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BusyTime_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BusySource_memberId_idx" ON "BusySource"("memberId");

-- CreateIndex
CREATE INDEX "BusySource_checkedAt_idx" ON "BusySource"("checkedAt");

-- CreateIndex
CREATE INDEX "BusyTime_sourceId_start_idx" ON "BusyTime"("sourceId", "start");

-- AddForeignKey
ALTER TABLE "BusySource" ADD CONSTRAINT "BusySource_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusyTime" ADD CONSTRAINT "BusyTime_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "BusySource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CHECK constraints from the `// check:` lines in prisma/schema/
ALTER TABLE "BusyTime" ADD CONSTRAINT "BusyTime_44ba39cf_check" CHECK ("end" >= "start");

