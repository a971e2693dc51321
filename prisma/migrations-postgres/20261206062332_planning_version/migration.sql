-- Made by `npm run db:migrate` from prisma/schema/.

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "planningVersion" INTEGER NOT NULL DEFAULT 0;


-- Written by hand (the schema has no triggers): a team's planning version is raised by the database itself
-- whenever anything the planning pages read changes: its members, customers and their contacts, rituals,
-- who attends them, their changed meetings and the answers to them. Pages keep the team's planning in
-- memory and read this one number per request, so every code path and every instance sees a change as it
-- commits.
CREATE FUNCTION "Team_planning_follow"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  changed RECORD;
  team_id TEXT;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  IF TG_TABLE_NAME IN ('Member', 'Customer', 'Ritual') THEN
    team_id := changed."teamId";
  ELSIF TG_TABLE_NAME = 'Contact' THEN
    SELECT "teamId" INTO team_id FROM "Customer" WHERE "id" = changed."customerId";
  ELSE
    SELECT "teamId" INTO team_id FROM "Ritual" WHERE "id" = changed."ritualId";
  END IF;
  UPDATE "Team" SET "planningVersion" = "planningVersion" + 1 WHERE "id" = team_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Team_planning_members" AFTER INSERT OR UPDATE OR DELETE ON "Member"
  FOR EACH ROW EXECUTE FUNCTION "Team_planning_follow"();
CREATE TRIGGER "Team_planning_customers" AFTER INSERT OR UPDATE OR DELETE ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION "Team_planning_follow"();
CREATE TRIGGER "Team_planning_contacts" AFTER INSERT OR UPDATE OR DELETE ON "Contact"
  FOR EACH ROW EXECUTE FUNCTION "Team_planning_follow"();
CREATE TRIGGER "Team_planning_rituals" AFTER INSERT OR UPDATE OR DELETE ON "Ritual"
  FOR EACH ROW EXECUTE FUNCTION "Team_planning_follow"();
CREATE TRIGGER "Team_planning_attendees" AFTER INSERT OR UPDATE OR DELETE ON "RitualAttendee"
  FOR EACH ROW EXECUTE FUNCTION "Team_planning_follow"();
CREATE TRIGGER "Team_planning_ritual_contacts" AFTER INSERT OR UPDATE OR DELETE ON "RitualContact"
  FOR EACH ROW EXECUTE FUNCTION "Team_planning_follow"();
CREATE TRIGGER "Team_planning_meetings" AFTER INSERT OR UPDATE OR DELETE ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION "Team_planning_follow"();
CREATE TRIGGER "Team_planning_rsvps" AFTER INSERT OR UPDATE OR DELETE ON "Rsvp"
  FOR EACH ROW EXECUTE FUNCTION "Team_planning_follow"();
