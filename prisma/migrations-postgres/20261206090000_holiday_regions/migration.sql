-- Made by `npm run db:migrate` from prisma/schema/.

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "holidayRegion" TEXT;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "holidayRegion" TEXT;

