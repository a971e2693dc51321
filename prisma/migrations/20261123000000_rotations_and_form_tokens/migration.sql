-- A ritual may rotate between start times; a form sent twice creates one ritual.
ALTER TABLE "Ritual" ADD COLUMN "rotationStarts" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Ritual" ADD COLUMN "creationToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Ritual_teamId_creationToken_key" ON "Ritual"("teamId", "creationToken");
