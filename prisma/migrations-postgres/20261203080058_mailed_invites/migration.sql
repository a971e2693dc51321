-- Made by `npm run db:migrate` from prisma/schema/.

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "email" TEXT;

