-- Made by `npm run db:migrate` from prisma/schema.prisma.

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

