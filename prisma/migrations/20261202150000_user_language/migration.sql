-- The language each person chose in the app: their mail is written in it.
ALTER TABLE "User" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
