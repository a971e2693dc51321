-- Made by `npm run db:migrate` from prisma/schema.prisma.

-- CHECK constraints from the `// check:` lines in prisma/schema.prisma
ALTER TABLE "Mail" DROP CONSTRAINT IF EXISTS "Mail_3f5516fe_check";

-- AlterTable
ALTER TABLE "Mail" ALTER COLUMN "teamId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AccountLink" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "signUp" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "AccountLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountLink_tokenHash_key" ON "AccountLink"("tokenHash");

-- CHECK constraints from the `// check:` lines in prisma/schema.prisma
ALTER TABLE "AccountLink" ADD CONSTRAINT "AccountLink_0193334f_check" CHECK ("purpose" IN ('sign-up', 'reset'));
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_47e44fc4_check" CHECK ("kind" IN ('invite', 'cancel', 'digest', 'agenda', 'recap', 'account'));
