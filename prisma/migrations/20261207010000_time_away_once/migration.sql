-- Spans away never overlap: one span a first day, so a span sent twice at once is one row.
-- CreateIndex
CREATE UNIQUE INDEX "TimeAway_memberId_firstDay_key" ON "TimeAway"("memberId", "firstDay");
