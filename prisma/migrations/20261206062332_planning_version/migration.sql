-- A team's planning version is raised by the database itself whenever anything the planning pages read
-- changes: its members, customers and their contacts, rituals, who attends them, their changed meetings
-- and the answers to them. Pages keep the team's planning in memory and read this one number per request,
-- so every code path and every instance sees a change as it commits.
ALTER TABLE "Team" ADD COLUMN "planningVersion" INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER "Team_planning_Member_added" AFTER INSERT ON "Member" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = NEW."teamId";
END;

CREATE TRIGGER "Team_planning_Member_changed" AFTER UPDATE ON "Member" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = NEW."teamId";
END;

CREATE TRIGGER "Team_planning_Member_removed" AFTER DELETE ON "Member" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = OLD."teamId";
END;

CREATE TRIGGER "Team_planning_Customer_added" AFTER INSERT ON "Customer" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = NEW."teamId";
END;

CREATE TRIGGER "Team_planning_Customer_changed" AFTER UPDATE ON "Customer" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = NEW."teamId";
END;

CREATE TRIGGER "Team_planning_Customer_removed" AFTER DELETE ON "Customer" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = OLD."teamId";
END;

CREATE TRIGGER "Team_planning_Ritual_added" AFTER INSERT ON "Ritual" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = NEW."teamId";
END;

CREATE TRIGGER "Team_planning_Ritual_changed" AFTER UPDATE ON "Ritual" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = NEW."teamId";
END;

CREATE TRIGGER "Team_planning_Ritual_removed" AFTER DELETE ON "Ritual" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = OLD."teamId";
END;

CREATE TRIGGER "Team_planning_Contact_added" AFTER INSERT ON "Contact" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Customer" WHERE "id" = NEW."customerId");
END;

CREATE TRIGGER "Team_planning_Contact_changed" AFTER UPDATE ON "Contact" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Customer" WHERE "id" = NEW."customerId");
END;

CREATE TRIGGER "Team_planning_Contact_removed" AFTER DELETE ON "Contact" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Customer" WHERE "id" = OLD."customerId");
END;

CREATE TRIGGER "Team_planning_RitualAttendee_added" AFTER INSERT ON "RitualAttendee" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = NEW."ritualId");
END;

CREATE TRIGGER "Team_planning_RitualAttendee_changed" AFTER UPDATE ON "RitualAttendee" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = NEW."ritualId");
END;

CREATE TRIGGER "Team_planning_RitualAttendee_removed" AFTER DELETE ON "RitualAttendee" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = OLD."ritualId");
END;

CREATE TRIGGER "Team_planning_RitualContact_added" AFTER INSERT ON "RitualContact" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = NEW."ritualId");
END;

CREATE TRIGGER "Team_planning_RitualContact_changed" AFTER UPDATE ON "RitualContact" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = NEW."ritualId");
END;

CREATE TRIGGER "Team_planning_RitualContact_removed" AFTER DELETE ON "RitualContact" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = OLD."ritualId");
END;

CREATE TRIGGER "Team_planning_Meeting_added" AFTER INSERT ON "Meeting" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = NEW."ritualId");
END;

CREATE TRIGGER "Team_planning_Meeting_changed" AFTER UPDATE ON "Meeting" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = NEW."ritualId");
END;

CREATE TRIGGER "Team_planning_Meeting_removed" AFTER DELETE ON "Meeting" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = OLD."ritualId");
END;

CREATE TRIGGER "Team_planning_Rsvp_added" AFTER INSERT ON "Rsvp" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = NEW."ritualId");
END;

CREATE TRIGGER "Team_planning_Rsvp_changed" AFTER UPDATE ON "Rsvp" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = NEW."ritualId");
END;

CREATE TRIGGER "Team_planning_Rsvp_removed" AFTER DELETE ON "Rsvp" BEGIN
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = (SELECT "teamId" FROM "Ritual" WHERE "id" = OLD."ritualId");
END;
