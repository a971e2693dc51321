-- Whose public holidays are days off: a member's, and a customer's for its contacts.
-- AlterTable
ALTER TABLE "Member" ADD COLUMN "holidayRegion" TEXT;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "holidayRegion" TEXT;

