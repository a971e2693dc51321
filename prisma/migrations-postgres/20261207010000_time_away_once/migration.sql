-- Made by `npm run db:migrate` from prisma/schema/.

-- CreateIndex
CREATE UNIQUE INDEX "TimeAway_memberId_firstDay_key" ON "TimeAway"("memberId", "firstDay");

