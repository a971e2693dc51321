-- The address an invite link was mailed to, for the owners' list of open invites.
ALTER TABLE "Invite" ADD COLUMN "email" TEXT;
