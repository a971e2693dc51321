-- Joining with a listed member's email no longer takes over that member at once: an owner confirms it first.
ALTER TABLE "Member" ADD COLUMN "claimedByUserId" TEXT;
