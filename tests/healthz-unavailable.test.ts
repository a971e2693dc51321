import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

it("answers 503 when the database cannot be opened", async () => {
  // A folder where the database file should be: the app starts, but no query can run.
  const folder = path.resolve("tests/.tmp/not-a-database.db");
  fs.mkdirSync(folder, { recursive: true });
  process.env.DATABASE_URL = `file:${folder}`;
  const { loader } = await import("~/routes/healthz");
  const response = await loader();
  expect(response.status).toBe(503);
  expect(await response.json()).toMatchObject({ status: "unavailable" });
});
