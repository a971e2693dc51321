-- Each member's feed, built once per change and kept compressed, per language.
CREATE TABLE "FeedBuild" (
    "feedId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "stamp" TEXT NOT NULL,
    "etag" TEXT NOT NULL,
    "gzip" BLOB NOT NULL,
    "brotli" BLOB NOT NULL,
    "builtAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("feedId", "language"),
    CONSTRAINT "FeedBuild_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "CalendarFeed" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

ALTER TABLE "CalendarFeed" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;

-- A feed's version is raised by the database itself whenever something its feed is made of changes:
-- the rituals the member attends, their meetings, their customers, being added to or taken off a ritual,
-- and the member's name. Every code path and every instance sees the change as it commits.
CREATE TRIGGER "CalendarFeed_ritual_updated" AFTER UPDATE ON "Ritual" BEGIN
  UPDATE "CalendarFeed" SET "version" = "version" + 1
  WHERE "memberId" IN (SELECT "memberId" FROM "RitualAttendee" WHERE "ritualId" = NEW."id");
END;

CREATE TRIGGER "CalendarFeed_attendee_added" AFTER INSERT ON "RitualAttendee" BEGIN
  UPDATE "CalendarFeed" SET "version" = "version" + 1 WHERE "memberId" = NEW."memberId";
END;

CREATE TRIGGER "CalendarFeed_attendee_changed" AFTER UPDATE ON "RitualAttendee" BEGIN
  UPDATE "CalendarFeed" SET "version" = "version" + 1 WHERE "memberId" IN (OLD."memberId", NEW."memberId");
END;

CREATE TRIGGER "CalendarFeed_attendee_removed" AFTER DELETE ON "RitualAttendee" BEGIN
  UPDATE "CalendarFeed" SET "version" = "version" + 1 WHERE "memberId" = OLD."memberId";
END;

CREATE TRIGGER "CalendarFeed_meeting_added" AFTER INSERT ON "Meeting" BEGIN
  UPDATE "CalendarFeed" SET "version" = "version" + 1
  WHERE "memberId" IN (SELECT "memberId" FROM "RitualAttendee" WHERE "ritualId" = NEW."ritualId");
END;

CREATE TRIGGER "CalendarFeed_meeting_changed" AFTER UPDATE ON "Meeting" BEGIN
  UPDATE "CalendarFeed" SET "version" = "version" + 1
  WHERE "memberId" IN (SELECT "memberId" FROM "RitualAttendee" WHERE "ritualId" IN (OLD."ritualId", NEW."ritualId"));
END;

CREATE TRIGGER "CalendarFeed_meeting_removed" AFTER DELETE ON "Meeting" BEGIN
  UPDATE "CalendarFeed" SET "version" = "version" + 1
  WHERE "memberId" IN (SELECT "memberId" FROM "RitualAttendee" WHERE "ritualId" = OLD."ritualId");
END;

CREATE TRIGGER "CalendarFeed_customer_changed" AFTER UPDATE ON "Customer" BEGIN
  UPDATE "CalendarFeed" SET "version" = "version" + 1
  WHERE "memberId" IN (
    SELECT a."memberId" FROM "RitualAttendee" a JOIN "Ritual" r ON r."id" = a."ritualId" WHERE r."customerId" = NEW."id"
  );
END;

CREATE TRIGGER "CalendarFeed_member_renamed" AFTER UPDATE OF "name" ON "Member" BEGIN
  UPDATE "CalendarFeed" SET "version" = "version" + 1 WHERE "memberId" = NEW."id";
END;
