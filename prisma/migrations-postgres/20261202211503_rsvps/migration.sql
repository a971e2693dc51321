-- Made by `npm run db:migrate` from prisma/schema/.

-- CreateTable
CREATE TABLE "Rsvp" (
    "ritualId" TEXT NOT NULL,
    "originalStart" TIMESTAMP(3) NOT NULL,
    "personId" TEXT NOT NULL,
    "personKind" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rsvp_pkey" PRIMARY KEY ("ritualId","originalStart","personId")
);

-- AddForeignKey
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_ritualId_fkey" FOREIGN KEY ("ritualId") REFERENCES "Ritual"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CHECK constraints from the `// check:` lines in prisma/schema/
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_167253c1_check" CHECK ("answer" IN ('yes', 'no', 'maybe'));
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_b515ad0c_check" CHECK ("personKind" IN ('member', 'contact'));

