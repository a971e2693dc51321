-- Made by `npm run db:migrate` from prisma/schema/.

-- AlterTable
ALTER TABLE "CalendarFeed" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "FeedBuild" (
    "feedId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "stamp" TEXT NOT NULL,
    "etag" TEXT NOT NULL,
    "gzip" BYTEA NOT NULL,
    "brotli" BYTEA NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedBuild_pkey" PRIMARY KEY ("feedId","language")
);

-- AddForeignKey
ALTER TABLE "FeedBuild" ADD CONSTRAINT "FeedBuild_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "CalendarFeed"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (the schema has no triggers): a feed's version is raised by the database itself whenever
-- something its feed is made of changes: the rituals the member attends, their meetings, their customers,
-- being added to or taken off a ritual, and the member's name. Every code path and every instance sees the
-- change as it commits.
CREATE FUNCTION "CalendarFeed_raise"(member_ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  UPDATE "CalendarFeed" SET "version" = "version" + 1 WHERE "memberId" = ANY(member_ids);
$$;

CREATE FUNCTION "CalendarFeed_attendees_of"(ritual_ids TEXT[]) RETURNS TEXT[] LANGUAGE sql STABLE AS $$
  SELECT COALESCE(array_agg("memberId"), '{}') FROM "RitualAttendee" WHERE "ritualId" = ANY(ritual_ids);
$$;

CREATE FUNCTION "CalendarFeed_follow"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  -- The row as it was and as it is (the same row twice for an insert or a delete).
  was RECORD;
  now_is RECORD;
BEGIN
  IF TG_OP = 'INSERT' THEN was := NEW; now_is := NEW;
  ELSIF TG_OP = 'DELETE' THEN was := OLD; now_is := OLD;
  ELSE was := OLD; now_is := NEW;
  END IF;
  IF TG_TABLE_NAME = 'Ritual' THEN
    PERFORM "CalendarFeed_raise"("CalendarFeed_attendees_of"(ARRAY[now_is."id"]));
  ELSIF TG_TABLE_NAME = 'RitualAttendee' THEN
    PERFORM "CalendarFeed_raise"(ARRAY[was."memberId", now_is."memberId"]);
  ELSIF TG_TABLE_NAME = 'Meeting' THEN
    PERFORM "CalendarFeed_raise"("CalendarFeed_attendees_of"(ARRAY[was."ritualId", now_is."ritualId"]));
  ELSIF TG_TABLE_NAME = 'Customer' THEN
    PERFORM "CalendarFeed_raise"("CalendarFeed_attendees_of"(
      ARRAY(SELECT "id" FROM "Ritual" WHERE "customerId" = now_is."id")
    ));
  ELSIF TG_TABLE_NAME = 'Member' THEN
    PERFORM "CalendarFeed_raise"(ARRAY[now_is."id"]);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "CalendarFeed_ritual_updated" AFTER UPDATE ON "Ritual"
  FOR EACH ROW EXECUTE FUNCTION "CalendarFeed_follow"();
CREATE TRIGGER "CalendarFeed_attendees_changed" AFTER INSERT OR UPDATE OR DELETE ON "RitualAttendee"
  FOR EACH ROW EXECUTE FUNCTION "CalendarFeed_follow"();
CREATE TRIGGER "CalendarFeed_meetings_changed" AFTER INSERT OR UPDATE OR DELETE ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION "CalendarFeed_follow"();
CREATE TRIGGER "CalendarFeed_customer_changed" AFTER UPDATE ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION "CalendarFeed_follow"();
CREATE TRIGGER "CalendarFeed_member_renamed" AFTER UPDATE OF "name" ON "Member"
  FOR EACH ROW EXECUTE FUNCTION "CalendarFeed_follow"();
