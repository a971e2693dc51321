-- Customer links are kept as hashes, like invite and feed tokens. Links stored in the clear
-- until now stop working; a page is shared again with one click.
UPDATE "NotePage" SET "shareToken" = NULL;
ALTER TABLE "NotePage" ADD COLUMN "shareGeneration" INTEGER NOT NULL DEFAULT 0;
