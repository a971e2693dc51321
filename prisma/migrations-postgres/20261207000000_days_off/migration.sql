-- Made by `npm run db:migrate` from prisma/schema/.

-- AlterTable
ALTER TABLE "BusySource" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'ics',
ADD COLUMN     "sealedLogin" TEXT;

-- CreateTable
CREATE TABLE "TimeAway" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "firstDay" TEXT NOT NULL,
    "lastDay" TEXT NOT NULL,
    "delegateId" TEXT,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimeAway_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamDay" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "off" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TimeAway_memberId_lastDay_idx" ON "TimeAway"("memberId", "lastDay");

-- CreateIndex
CREATE UNIQUE INDEX "TeamDay_teamId_date_key" ON "TeamDay"("teamId", "date");

-- AddForeignKey
ALTER TABLE "TimeAway" ADD CONSTRAINT "TimeAway_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeAway" ADD CONSTRAINT "TimeAway_delegateId_fkey" FOREIGN KEY ("delegateId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamDay" ADD CONSTRAINT "TeamDay_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CHECK constraints from the `// check:` lines in prisma/schema/
ALTER TABLE "BusySource" ADD CONSTRAINT "BusySource_72ae0d21_check" CHECK ("kind" IN ('ics', 'caldav'));
ALTER TABLE "TimeAway" ADD CONSTRAINT "TimeAway_db6e9227_check" CHECK ("lastDay" >= "firstDay");
ALTER TABLE "TeamDay" ADD CONSTRAINT "TeamDay_0cb58d0d_check" CHECK (length(trim("name")) > 0);


-- Written by hand: time away and the team's days change what the planning pages read (decision 6).
CREATE OR REPLACE FUNCTION "Team_planning_follow"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  changed RECORD;
  team_id TEXT;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  IF TG_TABLE_NAME IN ('Member', 'Customer', 'Ritual', 'TeamDay') THEN
    team_id := changed."teamId";
  ELSIF TG_TABLE_NAME = 'Contact' THEN
    SELECT "teamId" INTO team_id FROM "Customer" WHERE "id" = changed."customerId";
  ELSIF TG_TABLE_NAME = 'TimeAway' THEN
    SELECT "teamId" INTO team_id FROM "Member" WHERE "id" = changed."memberId";
  ELSE
    SELECT "teamId" INTO team_id FROM "Ritual" WHERE "id" = changed."ritualId";
  END IF;
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = team_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Team_planning_time_away" AFTER INSERT OR UPDATE OR DELETE ON "TimeAway"
  FOR EACH ROW EXECUTE FUNCTION "Team_planning_follow"();
CREATE TRIGGER "Team_planning_team_days" AFTER INSERT OR UPDATE OR DELETE ON "TeamDay"
  FOR EACH ROW EXECUTE FUNCTION "Team_planning_follow"();
